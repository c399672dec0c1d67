import { listSaleItems } from '../../../../store/reconstruction/tranches/saleItems.ts';
import { defineRoute } from '../../../route.ts';
import { SaleItems } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/sale-items',
  summary:
    "The items a vendor may sell: the catalogue's materials a plan's quota takes (labour is not sold), with their Arabic and English names and unit",
  tags: ['reconstruction'],
  response: SaleItems,
  handler: async ({ store }) => ({ items: await listSaleItems(store.pool) }),
});
