import { addUnit } from '../../../store/reconstruction/addUnit.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UnitInput, UnitView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/buildings/:id/units',
  summary: 'Add a housing unit to a building (floor, unit number, area)',
  tags: ['reconstruction'],
  params: IdParams,
  body: UnitInput,
  response: UnitView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, created }) =>
    created((ctx) => addUnit(ctx, params.id, { floor: body.floor, unitNumber: body.unitNumber, areaM2: body.areaM2 ?? null })),
});
