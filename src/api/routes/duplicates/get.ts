import { getCandidate } from '../../../store/dedupe/candidates.ts';
import { appendLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { CandidateId, CandidateView } from './schema.ts';
import { candidateView } from './view.ts';
import { pairOf } from '../../../store/dedupe/pair.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/duplicates/:id',
  summary: 'One pair: both full records side by side with the per-field evidence (the read is logged)',
  tags: ['duplicates'],
  params: CandidateId,
  response: CandidateView,
  handler: async ({ params, actor, store }) => {
    const c = await getCandidate(store.pool, actor, params.id);
    await appendLog(store.pool, actor, {
      entity: 'match_candidate',
      entityId: c.id,
      action: 'read',
      after: { personA: c.personA, personB: c.personB },
    });
    return candidateView(await pairOf(store.pool, c));
  },
});
