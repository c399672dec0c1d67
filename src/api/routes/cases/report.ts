import { seesOnlyAggregates } from '../../../shared/disclosure.ts';
import { caseReport } from '../../../store/cases/caseReport.ts';
import { publishReport } from '../../../tickets/report.ts';
import { defineRoute } from '../../route.ts';
import { CaseReport, CaseReportQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/cases/report',
  summary:
    'Cases by type, stage or governorate: total, open, overdue, closed on time and late, median days to close (counts only; small cells withheld for aggregate roles)',
  tags: ['cases'],
  query: CaseReportQuery,
  response: CaseReport,
  handler: async ({ query, actor, store }) => ({
    by: query.by,
    rows: publishReport(await caseReport(store.pool, actor, query.by), seesOnlyAggregates(actor.role)),
  }),
});
