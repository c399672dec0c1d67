import { cashReport } from '../../../store/aid/cashReport.ts';
import { defineRoute } from '../../route.ts';
import { CashReportQuery, CashReportView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/reports/cash',
  summary:
    'Cash reaching households per governorate (of yours) over a period: cash aid handed over, reconstruction tranches released and transitional shelter cash paid, each its own line, with the households reached by any counted once; a joint case is paid once. Logged',
  tags: ['aid'],
  query: CashReportQuery,
  response: CashReportView,
  handler: async ({ query, actor, store }) => {
    const today = new Date().toISOString().slice(0, 10);
    return cashReport(store.pool, actor, query.from ?? `${today.slice(0, 4)}-01-01`, query.to ?? today);
  },
});
