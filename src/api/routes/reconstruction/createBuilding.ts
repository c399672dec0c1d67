import { createBuilding } from '../../../store/reconstruction/createBuilding.ts';
import { defineRoute } from '../../route.ts';
import { BuildingInput, BuildingView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/buildings',
  summary: 'Record a building (a point or a footprint polygon in WGS 84); its governorate is the one its location lies in',
  tags: ['reconstruction'],
  body: BuildingInput,
  response: BuildingView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) =>
    created((ctx) =>
      createBuilding(ctx, {
        geometry: body.geometry,
        governorate: body.governorate ?? null,
        localityId: body.localityId ?? null,
        use: body.use,
        floors: body.floors ?? null,
      }),
    ),
});
