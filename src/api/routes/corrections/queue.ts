import { correctionQueue } from '../../../store/tickets/changeRequests/correctionQueue.ts';
import { defineRoute } from '../../route.ts';
import { CorrectionList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/corrections',
  summary: 'Corrections to approve: those waiting in your governorates that someone else proposed, the oldest first (the read is logged)',
  tags: ['tickets'],
  response: CorrectionList,
  handler: async ({ actor, store }) => ({ items: await correctionQueue(store.pool, actor) }),
});
