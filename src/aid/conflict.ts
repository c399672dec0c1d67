// Conflicts: a second redemption of an entitlement synced from an offline device after another one
// stood, or one held for review because of its time (src/aid/redemptionTime.ts). The goods went
// out; a reviewer decides, with a reason, which redemption stands. No I/O.
import { errors } from '../errors.ts';
import type { Held } from './redemptionTime.ts';

export type RedemptionStatus = 'standing' | 'conflict';
export type ConflictReview = 'open' | 'duplicate_confirmed' | 'accepted';
/** duplicate_confirmed: it does not stand, goods to recover; accepted: it does not stand, but was due. */
export type ReviewDecision = Exclude<ConflictReview, 'open'>;
/** What a reviewer may choose for a conflict: one of the reviews, or that it stands instead. */
export type ReviewChoice = ReviewDecision | 'stands';
export const reviewChoices = ['duplicate_confirmed', 'accepted', 'stands'] as const satisfies readonly ReviewChoice[];

/**
 * The choice a reviewer may make of a redemption. Only a conflict can be reviewed (an open one, or
 * one reviewed before: a review can be corrected); a standing redemption is chosen by reviewing its
 * competitor. Anything else, or nothing, answers not found.
 */
export function settleConflict<C extends ReviewChoice>(r: { status: RedemptionStatus } | undefined, choice: C): C {
  if (r?.status !== 'conflict') throw errors.notFound('conflict');
  return choice;
}

/** A redemption of one entitlement as the review sees it. */
export type Competing = {
  id: string;
  status: RedemptionStatus;
  review: ConflictReview | null;
  held: Held | null;
  conflictOf: string | null;
};

/**
 * The redemptions of one entitlement after `chosen` (one of them, a conflict) is made to stand: it
 * stands, no longer held; the one that stood becomes a conflict of it, reviewed as a duplicate (its
 * goods to recover, unless a reviewer later accepts it); every other conflict now names the chosen one.
 * The first of the result is the one to demote (the unique index admits one standing row at a time).
 */
export function standsInstead(rows: readonly Competing[], chosen: string): Competing[] {
  const pick = rows.find((r) => r.id === chosen);
  settleConflict(pick, 'stands');
  const out = rows.map((r): Competing => {
    if (r.id === chosen) return { ...r, status: 'standing', review: null, held: null, conflictOf: null };
    if (r.status === 'standing') return { ...r, status: 'conflict', review: 'duplicate_confirmed', conflictOf: chosen };
    return { ...r, conflictOf: chosen };
  });
  return out.sort((a, b) => rank(a, rows) - rank(b, rows));
}

/** Order of the writes: the demoted one first, the chosen one last. */
function rank(r: Competing, before: readonly Competing[]): number {
  const was = before.find((b) => b.id === r.id)!;
  if (was.status === 'standing') return 0;
  return r.status === 'standing' ? 2 : 1;
}
