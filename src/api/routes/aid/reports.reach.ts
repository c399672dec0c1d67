import { reach } from '../../../store/aid/reports.ts';
import { readerOf } from '../../../store/open.ts';
import { defineRoute } from '../../route.ts';
import { CycleReportQuery, ReachReport } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/reports/reach',
  summary:
    'Households and people reached (by sex and age group), quantities and coverage per governorate, site and item of your governorates; sites over capacity. For roles that see only aggregates, counts of 1 to 4 (and cells that would give one away) are null',
  tags: ['aid'],
  query: CycleReportQuery,
  response: ReachReport,
  handler: async ({ query, actor, store }) => reach(readerOf(store), actor, query.cycle),
});
