import { takeTicket } from '../../../store/tickets/tickets.ts';
import { defineRoute } from '../../route.ts';
import { TicketInput, TicketView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tickets',
  summary:
    'Take a complaint or feedback (hotline, desk, outreach, suggestion box, another organisation); its deadline follows the category',
  tags: ['tickets'],
  body: TicketInput,
  response: TicketView,
  status: 201,
  idempotent: true,
  handler: async ({ body, write }) =>
    write(async (ctx) => ({
      status: 201,
      body: await takeTicket(ctx, {
        channel: body.channel,
        category: body.category,
        personId: body.personId ?? null,
        governorate: body.governorate ?? null,
        object: body.object ?? null,
        description: body.description,
      }),
    })),
});
