import { actOnTicket } from '../../../store/tickets/tickets.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { TicketStepInput, TicketView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tickets/:id/steps',
  summary:
    'A step of the ticket: assign (focal point), start, hold, resume, propose the answer, approve it (another focal point) or send it back',
  tags: ['tickets'],
  params: IdParams,
  body: TicketStepInput,
  response: TicketView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await actOnTicket(ctx, params.id, {
        action: body.action,
        note: body.note ?? null,
        answer: body.answer ?? null,
        userId: body.userId ?? null,
      }),
    })),
});
