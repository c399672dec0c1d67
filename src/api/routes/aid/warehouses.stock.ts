import { warehouseBalance } from '../../../store/aid/warehouseBalance.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, WarehouseStock } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/warehouses/:id/stock',
  summary: 'What a warehouse holds per item: received, dispatched, returned, lost, on hand',
  tags: ['aid'],
  params: IdParam,
  response: WarehouseStock,
  handler: async ({ params, actor, store }) => warehouseBalance(store.pool, actor, params.id),
});
