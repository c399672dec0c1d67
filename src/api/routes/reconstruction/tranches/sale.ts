import { recordSale } from '../../../../store/reconstruction/tranches/recordSale.ts';
import { defineRoute } from '../../../route.ts';
import { SaleInput, SaleView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/sales',
  summary:
    "A vendor's sale against a case's quota, online or from the phone's outbox: the device's sale id makes it apply once (a replay answers 200 with replayed); beyond what remains it is refused, naming the item and what remains",
  tags: ['reconstruction'],
  body: SaleInput,
  response: SaleView,
  status: 201,
  handler: async ({ body, write }) =>
    write(async (ctx) => {
      const sale = await recordSale(ctx, body);
      return { status: sale.replayed ? 200 : 201, body: sale };
    }),
});
