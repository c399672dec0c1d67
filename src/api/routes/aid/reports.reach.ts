import { reach } from '../../../store/aid/reports.ts';
import { defineRoute } from '../../route.ts';
import { CycleReportQuery, ReachReport } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/reports/reach',
  summary:
    'Households and people reached (by sex and age group), quantities and coverage per governorate, site and item; sites over capacity',
  tags: ['aid'],
  query: CycleReportQuery,
  response: ReachReport,
  handler: async ({ query, actor, store }) => reach(store.pool, actor, query.cycle),
});
