// Which children a confirmed event leaves without care, so that a child-protection case opens for
// each (and an interim caregiver is sought within a day). Pure: no I/O.
import type { LifeEventKind } from '../shared/lifeEvents.ts';
import type { Relationship } from '../shared/vocabulary.ts';

export type Member = { personId: string; relationship: Relationship; ageYears: number | null; deceased: boolean };
export type WithoutCare = { personId: string; reason: 'both_parents_died' | 'no_adult_caregiver' | 'orphaned' };

const isChild = (m: Member) => m.ageYears !== null && m.ageYears < 18;
/** An adult who can care: alive and known to be 18 or over (an unknown age is not counted on). */
const isCarer = (m: Member) => !m.deceased && m.ageYears !== null && m.ageYears >= 18;

/**
 * After a confirmed death in a household (`members` as they are now, the dead marked): every living
 * child (under 18) of the head whose recorded parents (head and spouse) are both dead, and every
 * living child in a household with no living adult left. After a confirmed "orphaned" of a child:
 * that child.
 */
export function childrenWithoutCare(kind: LifeEventKind, personId: string, members: readonly Member[]): WithoutCare[] {
  if (kind === 'orphaned') {
    const child = members.find((m) => m.personId === personId);
    return child && isChild(child) && !child.deceased ? [{ personId, reason: 'orphaned' }] : [];
  }
  if (kind !== 'death') return [];
  const parents = members.filter((m) => m.relationship === 'head' || m.relationship === 'spouse');
  const bothParentsDead = parents.length === 2 && parents.every((m) => m.deceased);
  const noCarer = !members.some(isCarer);
  const out: WithoutCare[] = [];
  for (const m of members) {
    if (m.deceased || !isChild(m)) continue;
    const ofParents = m.relationship === 'son' || m.relationship === 'daughter';
    if (ofParents && bothParentsDead) out.push({ personId: m.personId, reason: 'both_parents_died' });
    else if (noCarer) out.push({ personId: m.personId, reason: 'no_adult_caregiver' });
  }
  return out;
}
