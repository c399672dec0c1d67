import { readTicket } from '../../../store/tickets/tickets.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { TicketFileView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tickets/:id',
  summary: 'A ticket and what happened to it (the read is logged)',
  tags: ['tickets'],
  params: IdParams,
  response: TicketFileView,
  handler: async ({ params, actor, store }) => readTicket(store.pool, actor, params.id),
});
