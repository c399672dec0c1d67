import { listWarehouses } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { WarehouseList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/warehouses',
  summary: "Your organisation's warehouses in your governorates",
  tags: ['aid'],
  response: WarehouseList,
  handler: async ({ actor, store }) => ({ warehouses: await listWarehouses(store.pool, actor) }),
});
