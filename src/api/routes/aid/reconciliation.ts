import { reconciliation } from '../../../store/aid/reconciliation.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, Reconciliation } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/reconciliation',
  summary:
    'Per point (in your governorates) and item: entitled vs distributed vs dispatched vs lost vs remaining; household counts of 1 to 4 (and what would give them away) null for roles that see only aggregates',
  tags: ['aid'],
  params: IdParam,
  response: Reconciliation,
  handler: async ({ params, actor, store }) => reconciliation(store.pool, actor, params.id),
});
