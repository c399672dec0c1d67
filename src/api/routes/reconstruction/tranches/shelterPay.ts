import { payShelterCash } from '../../../../store/reconstruction/tranches/payShelterCash.ts';
import { defineRoute } from '../../../route.ts';
import { ShelterPayInput, ShelterRun } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/shelter-cash/payments',
  summary:
    "Pays a month's transitional shelter cash to every plan of your organisation and governorates for which it is due and not yet paid: one ledger row per plan and month, ever (a second run of the month pays nothing more; runs at once pay once). A month in the future is refused",
  tags: ['reconstruction'],
  body: ShelterPayInput,
  response: ShelterRun,
  idempotent: true,
  handler: async ({ body, write }) =>
    write(async (ctx) => ({ status: 200, body: await payShelterCash(ctx, body.month, new Date().toISOString().slice(0, 10)) })),
});
