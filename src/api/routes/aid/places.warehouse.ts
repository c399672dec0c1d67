import { createWarehouse } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { PlaceInput, PlaceView } from './schema.ts';
import { assertOwnGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/warehouses',
  summary: 'Add a warehouse',
  tags: ['aid'],
  body: PlaceInput,
  response: PlaceView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, created }) => {
    assertOwnGovernorate(actor, body.governorate);
    return created((ctx) => createWarehouse(ctx, body));
  },
});
