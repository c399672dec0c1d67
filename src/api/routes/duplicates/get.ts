import { readPair } from '../../../store/duplicates/pair.ts';
import { defineRoute } from '../../route.ts';
import { CandidateId, CandidateView } from './schema.ts';
import { candidateView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/duplicates/:id',
  summary: 'One pair: both full records side by side with the per-field evidence (the read is logged)',
  tags: ['duplicates'],
  params: CandidateId,
  response: CandidateView,
  handler: async ({ params, actor, store }) => candidateView(await readPair(store.pool, actor, params.id)),
});
