// A cycle's life: draft (opened with a cut-off date) -> generated (its entitlement list) -> closed
// (online redemptions refused; offline ones dated before the closing are held for review,
// src/aid/redemptionTime.ts). No I/O.
import { errors } from '../errors.ts';

export type CycleStatus = 'draft' | 'generated' | 'closed';
export type CycleStep = 'generate' | 'close';

/** The status a step leads to; a step from any other status is refused with its own cause. */
export function cycleTransition(from: CycleStatus, step: CycleStep): CycleStatus {
  if (step === 'generate') {
    if (from !== 'draft') throw errors.cycleAlreadyGenerated();
    return 'generated';
  }
  if (from !== 'generated') throw errors.cycleNotGenerated();
  return 'closed';
}
