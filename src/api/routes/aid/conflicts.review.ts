import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ReviewInput } from './schema.ts';
import { isUuid } from '../../../shared/ids.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/redemptions/:id/review',
  summary: 'Review a conflict: a confirmed duplicate (goods to recover) or accepted (both were due); the standing one is unchanged',
  tags: ['aid'],
  params: IdParam,
  body: ReviewInput,
  response: z.object({ id: z.string(), review: z.string() }),
  idempotent: true,
  handler: async ({ params, body, actor, write }) =>
    write(async (ctx) => {
      if (!isUuid(params.id)) throw errors.notFound('conflict');
      const r = await ctx.client.query(
        `UPDATE redemption r SET review = $2, reviewed_at = now() FROM aid_cycle c JOIN programme p ON p.id = c.programme_id
         WHERE r.id = $1 AND r.status = 'conflict' AND c.id = r.cycle_id AND p.org_id = $3 RETURNING r.id`,
        [params.id, body.decision, actor.orgId],
      );
      if (!r.rowCount) throw errors.notFound('conflict');
      await ctx.log({ entity: 'redemption', entityId: params.id, action: 'review', after: { decision: body.decision } });
      return { status: 200, body: { id: params.id, review: body.decision } };
    }),
});
