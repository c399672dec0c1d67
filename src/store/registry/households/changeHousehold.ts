// Every change of a household goes through here: lock the household (404 outside the actor's
// scope), apply the change, bump its version and log what changed on which day (and why, when said).
import type { WriteContext } from '../../write.ts';
import { getHousehold, type HouseholdRow } from './findHousehold.ts';

export type HouseholdChange = { householdId: string; date: string; action: string; reason?: string | undefined };

export async function changeHousehold(
  ctx: WriteContext,
  change: HouseholdChange,
  apply: (household: HouseholdRow) => Promise<Record<string, unknown>>,
): Promise<{ id: string }> {
  const household = await getHousehold(ctx.client, ctx.actor, change.householdId, true);
  const after = await apply(household);
  await ctx.client.query('UPDATE household SET version = version + 1 WHERE id = $1', [household.id]);
  await ctx.log({
    entity: 'household',
    entityId: household.id,
    action: change.action,
    after: { date: change.date, ...after },
    reason: change.reason,
  });
  return { id: household.id };
}
