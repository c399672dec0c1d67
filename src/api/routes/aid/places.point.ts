import { createPoint } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { PlaceView, PointInput } from './schema.ts';
import { assertOwnGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/points',
  summary: 'Add a distribution point (serving a site, or its governorate at large)',
  tags: ['aid'],
  body: PointInput,
  response: PlaceView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, created }) => {
    assertOwnGovernorate(actor, body.governorate);
    return created((ctx) => createPoint(ctx, body));
  },
});
