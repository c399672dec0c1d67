import { assertCanLeave } from '../../../registry/household.ts';
import type { WriteContext } from '../../write.ts';
import { changeHousehold } from './changeHousehold.ts';
import { closeMembership, currentMembers } from './membership.ts';

/** A current member (not the head) leaves the household on a date. */
export async function leaveHousehold(
  ctx: WriteContext,
  householdId: string,
  personId: string,
  date: string,
  reason?: string,
): Promise<{ id: string }> {
  return changeHousehold(ctx, { householdId, date, action: 'member_leave', reason }, async () => {
    assertCanLeave((await currentMembers(ctx.client, householdId)).find((m) => m.personId === personId));
    await closeMembership(ctx.client, personId, date);
    return { personId };
  });
}
