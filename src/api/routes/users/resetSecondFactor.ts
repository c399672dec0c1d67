import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { resetSecondFactor } from '../../../store/access/secondFactor.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { Uuid } from '../../../api/schemas.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/second-factor/reset',
  summary:
    "Reset a user's second factor (lost or replaced phone): removes the secret and recovery codes, lifts a pause after wrong codes and ends the user's sessions; they enrol again at their next sign-in. Not your own: ask another administrator",
  tags: ['users'],
  params: z.object({ id: Uuid }),
  response: z.object({ wasEnrolled: z.boolean(), sessionsEnded: z.number().int() }),
  handler: async ({ params, actor, store }) => {
    const u = await store.pool.query('SELECT 1 FROM app_user WHERE id = $1 AND org_id = $2', [params.id, actor.orgId]);
    if (!u.rowCount) throw errors.notFound('user');
    if (params.id === actor.userId) throw errors.ownSecondFactor();
    return write(store.pool, actor, { route: 'POST /api/v1/users/:id/second-factor/reset', request: params }, async (ctx) => {
      const out = await resetSecondFactor(ctx.client, params.id);
      await ctx.log({ entity: 'user', entityId: params.id, action: 'second_factor_reset', after: out });
      return { status: 200, body: out };
    });
  },
});
