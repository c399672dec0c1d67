import { isUuid } from '../../../shared/ids.ts';
import { listTickets } from '../../../store/tickets/tickets.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { defineRoute } from '../../route.ts';
import { TicketList, TicketListQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tickets',
  summary:
    'The open tickets you see (a focal point: all of their governorates; others: those they took or have), the most urgent first, a page at a time (nextCursor)',
  tags: ['tickets'],
  query: TicketListQuery,
  response: TicketList,
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, (v): v is { after: string } => isUuid((v as { after?: unknown } | null)?.after))?.after;
    const page = await listTickets(store.pool, actor, { after, limit: query.limit ?? 50 });
    return { items: page.items, nextCursor: page.next && encodeCursor({ after: page.next }) };
  },
});
