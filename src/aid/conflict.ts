// Conflicts: a second redemption of an entitlement, synced from an offline device after another
// one stood. The goods went out twice; a reviewer settles it. No I/O.
import { errors } from '../errors.ts';

export type RedemptionStatus = 'standing' | 'conflict';
export type ConflictReview = 'open' | 'duplicate_confirmed' | 'accepted';
/** duplicate_confirmed: goods to recover; accepted: both were due. */
export type ReviewDecision = Exclude<ConflictReview, 'open'>;

/**
 * The review a decision gives a redemption. Only a conflict can be reviewed (an open one, or one
 * reviewed before: a review can be corrected); the standing redemption is never touched. Anything
 * else, or nothing, answers not found.
 */
export function settleConflict(r: { status: RedemptionStatus } | undefined, decision: ReviewDecision): ReviewDecision {
  if (r?.status !== 'conflict') throw errors.notFound('conflict');
  return decision;
}
