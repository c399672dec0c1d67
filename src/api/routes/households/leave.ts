import { errors } from '../../../errors.ts';
import { closeMembership } from '../../../store/registry/households/membership.ts';
import { defineRoute } from '../../route.ts';
import { changeHousehold } from './respond.ts';
import { HouseholdView, Leave } from './schema.ts';
import { z } from 'zod';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/members/:personId/leave',
  summary: 'A member leaves the household on a date (the head cannot leave: change the head first)',
  tags: ['households'],
  params: z.object({ id: z.string(), personId: z.string() }),
  body: Leave,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/members/${params.personId}/leave`,
        request: body,
        householdId: params.id,
        date,
        action: 'member_leave',
      },
      async (ctx) => {
        const cur = await ctx.client.query<{ relationship: string }>(
          'SELECT relationship FROM household_member WHERE household_id = $1 AND person_id::text = $2 AND valid_to IS NULL',
          [params.id, params.personId],
        );
        const row = cur.rows[0];
        if (!row) throw errors.notFound('member');
        if (row.relationship === 'head') throw errors.headCannotLeave();
        await closeMembership(ctx.client, params.personId, date);
        return { personId: params.personId };
      },
    );
  },
});
