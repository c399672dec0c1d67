import { recordOccupancy } from '../../../store/reconstruction/recordOccupancy.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { OccupancyInput, OccupancyView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/units/:id/occupancy',
  summary: 'Record that a household lived in a unit: as owner, tenant, family of the owner or other, from a day (to a day)',
  tags: ['reconstruction'],
  params: IdParams,
  body: OccupancyInput,
  response: OccupancyView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, created }) =>
    created((ctx) =>
      recordOccupancy(ctx, params.id, {
        householdId: body.householdId,
        tenure: body.tenure,
        validFrom: body.validFrom,
        validTo: body.validTo ?? null,
      }),
    ),
});
