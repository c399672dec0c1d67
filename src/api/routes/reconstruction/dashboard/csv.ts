import { governorates } from '../../../../places/governorates.ts';
import { dashboardCsv } from '../../../../reconstruction/dashboardCsv.ts';
import { reconstructionDashboard } from '../../../../store/reconstruction/dashboard.ts';
import { defineRoute } from '../../../route.ts';
import { DashboardQuery } from './schema.ts';

const names = new Map(governorates.map((g) => [g.pcode, { en: g.nameEn, ar: g.nameAr }]));

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/dashboard.csv',
  summary:
    'The reconstruction dashboard as CSV with an HXL hashtag row under the header (#adm2+code, #loc+name, #indicator+num+units+remote+destroyed, #value+committed+usd ...): one row for the total, each governorate and each locality; "<5" in a cell withheld from roles that see only aggregates',
  tags: ['reconstruction'],
  query: DashboardQuery,
  produces: 'text/csv',
  handler: async ({ query, actor, store, reply }) => {
    const d = await reconstructionDashboard(store.pool, actor, query.governorate ?? null);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sanad-reconstruction-dashboard-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(dashboardCsv(d, (p) => names.get(p) ?? { en: p, ar: p }));
  },
});
