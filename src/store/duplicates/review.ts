// The review rules for a pair, without I/O: which pairs may be decided or undone, and which link
// conflicts refuse a 'same person' decision.
import { errors } from '../../errors.ts';
import type { CandidateStatus } from './candidates.ts';
import type { MergeConflict } from './identity.ts';

/** A pair is decided while pending or marked unsure; any other decision must be undone first. */
export function assertDecidable(status: CandidateStatus): void {
  if (status !== 'pending' && status !== 'unsure') throw errors.pairAlreadyDecided(status);
}

/** Only a decided pair (or an automatic link) can be undone. */
export function assertUndoable(status: CandidateStatus): void {
  if (status === 'pending') throw errors.pairNotDecided();
}

/** A link is refused on conflicting evidence; two records already one identity link harmlessly. */
export function assertLinkable(conflict: MergeConflict | undefined): void {
  if (conflict && conflict !== 'already_same') throw errors.mergeRefused(conflict);
}
