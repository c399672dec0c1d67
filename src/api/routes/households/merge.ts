import { errors } from '../../../errors.ts';
import { getHousehold } from '../../../store/registry/households/findHousehold.ts';
import { closeMembership, openMembership } from '../../../store/registry/households/membership.ts';
import { defineRoute } from '../../route.ts';
import { changeHousehold } from './respond.ts';
import { HouseholdId, HouseholdView, Merge } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/merge',
  summary: 'Merge: every current member of another household joins this one from a date',
  tags: ['households'],
  params: HouseholdId,
  body: Merge,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    if (body.otherId === params.id) throw errors.validation([{ field: 'otherId', reason: 'must be another household' }]);
    if (body.relationship === 'head')
      throw errors.validation([{ field: 'relationship', reason: 'cannot be head: this household keeps its head' }]);
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/merge`,
        request: body,
        householdId: params.id,
        date,
        action: 'merge',
      },
      async (ctx) => {
        await getHousehold(ctx.client, actor, body.otherId, true);
        const cur = await ctx.client.query<{ person_id: string }>(
          'SELECT person_id FROM household_member WHERE household_id = $1 AND valid_to IS NULL',
          [body.otherId],
        );
        for (const m of cur.rows) {
          await closeMembership(ctx.client, m.person_id, date);
          await openMembership(ctx.client, params.id, m.person_id, body.relationship, date);
        }
        await ctx.client.query("INSERT INTO household_event (kind, household_id, other_id, event_date) VALUES ('merge', $1, $2, $3)", [
          params.id,
          body.otherId,
          date,
        ]);
        await ctx.log({ entity: 'household', entityId: body.otherId, action: 'merged_into', after: { into: params.id, date } });
        return { absorbed: body.otherId, members: cur.rows.map((m) => m.person_id) };
      },
    );
  },
});
