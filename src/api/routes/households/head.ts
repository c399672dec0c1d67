import { errors } from '../../../errors.ts';
import { closeMembership, openMembership } from '../../../store/registry/households/membership.ts';
import { defineRoute } from '../../route.ts';
import { changeHousehold } from './respond.ts';
import { ChangeHead, HouseholdId, HouseholdView } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/head',
  summary: 'Change the head of household; the previous head stays (with a new relationship) or leaves',
  tags: ['households'],
  params: HouseholdId,
  body: ChangeHead,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/head`,
        request: body,
        householdId: params.id,
        date,
        action: 'head_change',
      },
      async (ctx) => {
        const cur = await ctx.client.query<{ person_id: string; relationship: string }>(
          'SELECT person_id, relationship FROM household_member WHERE household_id = $1 AND valid_to IS NULL',
          [params.id],
        );
        const newHead = cur.rows.find((m) => m.person_id === body.personId);
        if (!newHead) throw errors.validation([{ field: 'personId', reason: 'must be a current member of this household' }]);
        if (newHead.relationship === 'head') throw errors.alreadyHead();
        const oldHead = cur.rows.find((m) => m.relationship === 'head');
        if (oldHead) {
          await closeMembership(ctx.client, oldHead.person_id, date);
          if (body.previousHead === 'stays')
            await openMembership(ctx.client, params.id, oldHead.person_id, body.previousHeadRelationship, date);
        }
        await closeMembership(ctx.client, body.personId, date);
        await openMembership(ctx.client, params.id, body.personId, 'head', date);
        await ctx.client.query("INSERT INTO household_event (kind, household_id, event_date) VALUES ('head_change', $1, $2)", [
          params.id,
          date,
        ]);
        return { newHead: body.personId, previousHead: oldHead?.person_id ?? null, previousHeadStays: body.previousHead === 'stays' };
      },
    );
  },
});
