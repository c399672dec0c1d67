import { assertInGovernorates } from '../../../access/scope.ts';
import { checkSplit, type MemberRef } from '../../../registry/household.ts';
import type { WriteContext } from '../../write.ts';
import { changeHousehold } from './changeHousehold.ts';
import { currentMembers, moveMembers, recordHouseholdEvent } from './membership.ts';

export type Split = { date: string; governorate?: string | undefined; members: MemberRef[]; reason?: string | undefined };

/** Some current members (not the head) form a new household from a date, by default in the same governorate. */
export async function splitHousehold(ctx: WriteContext, householdId: string, s: Split): Promise<{ id: string }> {
  return changeHousehold(ctx, { householdId, date: s.date, action: 'split', reason: s.reason }, async (household) => {
    checkSplit(await currentMembers(ctx.client, householdId), s.members);
    const governorate = s.governorate ?? household.governorate;
    assertInGovernorates(ctx.actor, governorate);
    const r = await ctx.client.query<{ id: string }>('INSERT INTO household (org_id, governorate) VALUES ($1,$2) RETURNING id', [
      ctx.actor.orgId,
      governorate,
    ]);
    const newId = r.rows[0]!.id;
    await moveMembers(ctx.client, newId, s.members, s.date);
    await recordHouseholdEvent(ctx.client, { kind: 'split', householdId, otherId: newId, date: s.date });
    const after = { from: householdId, date: s.date, governorate, members: s.members };
    await ctx.log({ entity: 'household', entityId: newId, action: 'create_by_split', after, reason: s.reason });
    return { newHouseholdId: newId, members: s.members };
  });
}
