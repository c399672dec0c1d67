import { listTickets } from '../../../store/tickets/tickets.ts';
import { defineRoute } from '../../route.ts';
import { TicketList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tickets',
  summary: 'The open tickets you see (a focal point: all of their governorates; others: those they took or have), the most urgent first',
  tags: ['tickets'],
  response: TicketList,
  handler: async ({ actor, store }) => ({ items: await listTickets(store.pool, actor) }),
});
