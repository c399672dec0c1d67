import { seesOnlyAggregates } from '../../../shared/disclosure.ts';
import { ticketReport } from '../../../store/tickets/ticketReport.ts';
import { publishReport } from '../../../tickets/report.ts';
import { defineRoute } from '../../route.ts';
import { TicketReport, TicketReportQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tickets/report',
  summary:
    'Complaints by category, channel or governorate: total, open, overdue, closed on time and late, median days to close (small cells withheld for aggregate roles)',
  tags: ['tickets'],
  query: TicketReportQuery,
  response: TicketReport,
  handler: async ({ query, actor, store }) => ({
    by: query.by,
    rows: publishReport(await ticketReport(store.pool, actor, query.by), seesOnlyAggregates(actor.role)),
  }),
});
