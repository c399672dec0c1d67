import { governorates } from '../../../../places/governorates.ts';
import { fundsCsv } from '../../../../reconstruction/projects.ts';
import { fundsByGovernorate } from '../../../../store/reconstruction/projects/fundsByGovernorate.ts';
import { defineRoute } from '../../../route.ts';
import { FundsCsvBody } from './schema.ts';

const names = new Map(governorates.map((g) => [g.pcode, { en: g.nameEn, ar: g.nameAr }]));

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/funds.csv',
  summary:
    'The funds per governorate as CSV with an HXL hashtag row under the header (#adm2, #currency, #value+committed, #value+disbursed)',
  tags: ['reconstruction'],
  body: FundsCsvBody,
  produces: 'text/csv',
  handler: async ({ actor, store, reply }) => {
    const rows = await fundsByGovernorate(store.pool, actor);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sanad-reconstruction-funds-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(fundsCsv(rows, (p) => names.get(p) ?? { en: p, ar: p }));
  },
});
