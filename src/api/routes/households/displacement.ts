import { defineRoute } from '../../route.ts';
import { changeHousehold } from './respond.ts';
import { DisplacementInput, HouseholdId, HouseholdView } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';
import { assertKnownGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/displacements',
  summary: 'Record a move of the household: from where, to where (governorate, locality or site), when and why',
  tags: ['households'],
  params: HouseholdId,
  body: DisplacementInput,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    if (body.fromGovernorate !== undefined) assertKnownGovernorate(body.fromGovernorate, 'fromGovernorate');
    if (body.toGovernorate !== undefined) assertKnownGovernorate(body.toGovernorate, 'toGovernorate');
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/displacements`,
        request: body,
        householdId: params.id,
        date,
        action: 'displacement',
      },
      async (ctx) => {
        // An unknown toLocality or toSite fails the foreign key: 422 naming the field (src/api/problem.ts).
        const r = await ctx.client.query<{ id: string }>(
          'INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_locality, to_site, event_date, reason, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
          [
            params.id,
            body.fromGovernorate ?? null,
            body.toGovernorate ?? null,
            body.toLocality ?? null,
            body.toSite ?? null,
            date,
            body.reason,
            body.note ?? null,
          ],
        );
        return { displacementId: r.rows[0]!.id, ...body };
      },
    );
  },
});
