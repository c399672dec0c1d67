import { assertHouseholdHasRoom, type MemberRef } from '../../../registry/household.ts';
import type { WriteContext } from '../../write.ts';
import { lockPersons } from '../findPerson.ts';
import { changeHousehold } from './changeHousehold.ts';
import { closeMembership, countCurrentMembers, openMembership } from './membership.ts';

/** A person joins the household; with `move`, they first leave the household they are in. */
export async function addMember(
  ctx: WriteContext,
  householdId: string,
  a: MemberRef & { date: string; move: boolean; reason?: string | undefined },
): Promise<{ id: string }> {
  return changeHousehold(ctx, { householdId, date: a.date, action: 'member_join', reason: a.reason }, async () => {
    await lockPersons(ctx.client, ctx.actor, [a.personId]);
    // the household is locked (changeHousehold): its size cannot change under us
    assertHouseholdHasRoom(await countCurrentMembers(ctx.client, householdId), 1, 'personId');
    const left = a.move ? await closeMembership(ctx.client, a.personId, a.date) : undefined;
    await openMembership(ctx.client, householdId, a.personId, a.relationship, a.date);
    return { personId: a.personId, relationship: a.relationship, movedFrom: left?.householdId ?? null };
  });
}
