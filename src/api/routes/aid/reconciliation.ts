import { reconciliation } from '../../../store/aid/reconciliation.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, Reconciliation } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/reconciliation',
  summary: 'Per point and item: entitled vs distributed vs dispatched vs lost vs remaining',
  tags: ['aid'],
  params: IdParam,
  response: Reconciliation,
  handler: async ({ params, actor, store }) => reconciliation(store.pool, actor, params.id),
});
