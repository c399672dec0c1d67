// Whether a life event is confirmed, and what follows from a confirmed one. Pure: no I/O.
import type { LifeEventKind, LifeEventSource } from '../shared/lifeEvents.ts';
import type { Relationship, VulnerabilityKind } from '../shared/vocabulary.ts';
import { hasDisability } from './detail.ts';

export type Report = { kind: LifeEventKind; source: LifeEventSource; withdrawn: boolean };

/**
 * The sources whose one report confirms an event of a kind. A death, a disappearance, a child
 * orphaned or separated need an official record (for a death, the health ministry's list is one), or else two standing reports from two different
 * kinds of source (a family report and a hospital, not two family reports). An injury or a
 * disability is confirmed by whoever assessed it; a loss or a recovery by a field visit. A family
 * report alone never confirms anything.
 */
export const confirmingAlone: Record<LifeEventKind, readonly LifeEventSource[]> = {
  // a health ministry's death list is the official record of deaths (imported as a batch:
  // src/store/lifeEvents/importDeathList.ts)
  death: ['official_record', 'health_ministry_list'],
  missing: ['official_record'],
  orphaned: ['official_record'],
  separated: ['official_record'],
  injury: ['official_record', 'hospital', 'health_ministry_list', 'field_visit'],
  disability: ['official_record', 'hospital', 'health_ministry_list', 'field_visit'],
  found: ['official_record', 'field_visit'],
  lost_home: ['official_record', 'field_visit'],
  lost_livelihood: ['official_record', 'field_visit'],
  recovered: ['official_record', 'hospital', 'field_visit'],
};

export function isConfirmed(reports: readonly Report[], kind: LifeEventKind): boolean {
  const standing = reports.filter((r) => r.kind === kind && !r.withdrawn);
  if (standing.some((r) => confirmingAlone[kind].includes(r.source))) return true;
  return new Set(standing.map((r) => r.source)).size >= 2;
}

export type HouseholdMember = { personId: string; relationship: Relationship; ageYears: number | null; deceased: boolean };

/** Order in which members are proposed as the next head: a spouse first, then children, parents, siblings, others. */
const RANK: Record<Relationship, number> = {
  head: 9,
  spouse: 0,
  son: 1,
  daughter: 1,
  father: 2,
  mother: 2,
  brother: 3,
  sister: 3,
  grandparent: 4,
  grandchild: 5,
  other_relative: 6,
  other: 7,
};

/**
 * Who to propose as the new head when the head died: a living adult (18 or over, or of unknown age)
 * by the order above, the oldest first among equals; if there is no adult, the oldest living member.
 * Undefined when nobody else lives in the household. Only a proposal: a person decides.
 */
export function proposeNewHead(members: readonly HouseholdMember[]): string | undefined {
  const living = members.filter((m) => m.relationship !== 'head' && !m.deceased);
  const rank = (m: HouseholdMember) => RANK[m.relationship];
  const older = (a: HouseholdMember, b: HouseholdMember) => (b.ageYears ?? -1) - (a.ageYears ?? -1);
  const adults = living.filter((m) => m.ageYears === null || m.ageYears >= 18);
  const pool = adults.length > 0 ? adults : living;
  return [...pool].sort((a, b) => rank(a) - rank(b) || older(a, b))[0]?.personId;
}

export type TaskProposal = { kind: 'new_head' } | { kind: 'record_vulnerability'; vulnerability: VulnerabilityKind };

/**
 * The tasks a newly confirmed event opens (rules as data, each done by a person):
 * - the death of a head with others in the household: choose a new head;
 * - a life-changing or severe injury, a disability by the Washington Group cut-off, the loss of a
 *   home or a livelihood, a child separated from caregivers: record the vulnerability, which the
 *   entitlement rules and the dashboard read.
 * `detail` is the confirmed reports' detail merged.
 */
export function tasksOnConfirmation(
  kind: LifeEventKind,
  ctx: { isHead: boolean; otherMembers: number; ageYears: number | null; detail: Record<string, unknown> },
): TaskProposal[] {
  const vulnerability = (v: VulnerabilityKind): TaskProposal[] => [{ kind: 'record_vulnerability', vulnerability: v }];
  switch (kind) {
    case 'death':
      return ctx.isHead && ctx.otherMembers > 0 ? [{ kind: 'new_head' }] : [];
    case 'injury':
      return ctx.detail.lifeChanging === true || ctx.detail.severity === 'severe' || ctx.detail.amputation === true
        ? vulnerability('injured')
        : [];
    case 'disability':
      return hasDisability(ctx.detail) ? vulnerability('disability') : [];
    case 'lost_home':
      return vulnerability('lost_home');
    case 'lost_livelihood':
      return vulnerability('lost_livelihood');
    case 'separated':
      return ctx.ageYears !== null && ctx.ageYears < 18 ? vulnerability('separated_child') : [];
    default:
      return [];
  }
}
