import { ticketCorrections } from '../../../store/tickets/changeRequests/ticketCorrections.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CorrectionList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tickets/:id/corrections',
  summary:
    'The corrections proposed on a ticket: each field with its value when proposed and the new one, and the decision (the read is logged)',
  tags: ['tickets'],
  params: IdParams,
  response: CorrectionList,
  handler: async ({ params, actor, store }) => ({ items: await ticketCorrections(store.pool, actor, params.id) }),
});
