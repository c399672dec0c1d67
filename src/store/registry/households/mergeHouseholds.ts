import type { Relationship } from '../../../registry/vocabulary.ts';
import type { WriteContext } from '../../write.ts';
import { changeHousehold } from './changeHousehold.ts';
import { getHousehold } from './findHousehold.ts';
import { countCurrentMembers, currentMembers, moveMembers, recordHouseholdEvent } from './membership.ts';
import { assertHouseholdHasRoom } from '../../../registry/household.ts';

export type Merge = { otherId: string; date: string; relationship: Relationship; reason?: string | undefined };

/** Every current member of the other household (in the actor's scope) joins this one from a date. */
export async function mergeHouseholds(ctx: WriteContext, householdId: string, m: Merge): Promise<{ id: string }> {
  return changeHousehold(ctx, { householdId, date: m.date, action: 'merge', reason: m.reason }, async () => {
    await getHousehold(ctx.client, ctx.actor, m.otherId, true);
    const joining = (await currentMembers(ctx.client, m.otherId)).map((j) => ({ personId: j.personId, relationship: m.relationship }));
    assertHouseholdHasRoom(await countCurrentMembers(ctx.client, householdId), joining.length, 'otherId');
    await moveMembers(ctx.client, householdId, joining, m.date);
    await recordHouseholdEvent(ctx.client, { kind: 'merge', householdId, otherId: m.otherId, date: m.date });
    await ctx.log({
      entity: 'household',
      entityId: m.otherId,
      action: 'merged_into',
      after: { into: householdId, date: m.date },
      reason: m.reason,
    });
    return { absorbed: m.otherId, members: joining.map((j) => j.personId) };
  });
}
