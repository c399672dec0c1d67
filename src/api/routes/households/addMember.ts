import { closeMembership, openMembership } from '../../../store/registry/households/membership.ts';
import { defineRoute } from '../../route.ts';
import { checkPersons } from './common.ts';
import { changeHousehold } from './respond.ts';
import { AddMember, HouseholdId, HouseholdView } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/members',
  summary: 'Add a member (with move: true, they leave their current household on the same date)',
  tags: ['households'],
  params: HouseholdId,
  body: AddMember,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/members`,
        request: body,
        householdId: params.id,
        date,
        action: 'member_join',
      },
      async (ctx) => {
        await checkPersons(ctx.client, actor, [body.personId]);
        const left = body.move ? await closeMembership(ctx.client, body.personId, date) : undefined;
        await openMembership(ctx.client, params.id, body.personId, body.relationship, date);
        return { personId: body.personId, relationship: body.relationship, movedFrom: left?.householdId ?? null };
      },
    );
  },
});
