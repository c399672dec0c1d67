// Whether a life event is confirmed, and what follows from a confirmed one. Pure: no I/O.
import type { LifeEventKind, LifeEventSource } from '../shared/lifeEvents.ts';
import type { Relationship } from '../shared/vocabulary.ts';

export type Report = { kind: LifeEventKind; source: LifeEventSource; withdrawn: boolean };

/**
 * A kind of event is confirmed for a person when an official record says so, or when two reports
 * that are not withdrawn come from two different kinds of source (a family report and a hospital,
 * not two family reports). One report alone stays "reported".
 */
export function isConfirmed(reports: readonly Report[], kind: LifeEventKind): boolean {
  const standing = reports.filter((r) => r.kind === kind && !r.withdrawn);
  if (standing.some((r) => r.source === 'official_record')) return true;
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

/** The tasks a newly confirmed event opens. Today: the death of a head asks for a new head. */
export function tasksOnConfirmation(kind: LifeEventKind, ctx: { isHead: boolean; otherMembers: number }): 'new_head'[] {
  if (kind === 'death' && ctx.isHead && ctx.otherMembers > 0) return ['new_head'];
  return [];
}
