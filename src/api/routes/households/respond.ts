import type { Actor } from '../../../access/actor.ts';
import type { Store } from '../../../store/open.ts';
import { getHousehold } from '../../../store/registry/households/findHousehold.ts';
import { readHousehold } from '../../../store/registry/households/readHousehold.ts';
import { write, type WriteContext } from '../../../store/write.ts';

/** A household change: lock the household, apply, log, bump its version, answer with the household as of the date. */
export async function changeHousehold(
  a: {
    store: Store;
    actor: Actor;
    operationId: string | undefined;
    route: string;
    request: unknown;
    householdId: string;
    date: string;
    action: string;
  },
  apply: (ctx: WriteContext) => Promise<Record<string, unknown>>,
) {
  const w = await write(a.store.pool, a.actor, { operationId: a.operationId, route: a.route, request: a.request }, async (ctx) => {
    await getHousehold(ctx.client, a.actor, a.householdId, true);
    const after = await apply(ctx);
    await ctx.client.query('UPDATE household SET version = version + 1 WHERE id = $1', [a.householdId]);
    await ctx.log({ entity: 'household', entityId: a.householdId, action: a.action, after: { date: a.date, ...after } });
    return { status: 200, body: { id: a.householdId } };
  });
  return { ...w, body: await readHousehold(a.store.pool, a.actor, a.householdId, a.date) };
}
