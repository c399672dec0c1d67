import { undo } from '../../../store/duplicates/undo.ts';
import { defineRoute } from '../../route.ts';
import { CandidateId, CandidateView } from './schema.ts';
import { candidateView } from './view.ts';
import { pairOf } from '../../../store/duplicates/pair.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/duplicates/:id/undo',
  summary: 'Undo the decision on a pair (a link is removed, both records stay); the pair returns to the queue',
  tags: ['duplicates'],
  params: CandidateId,
  response: CandidateView,
  idempotent: true,
  handler: async ({ params, write }) =>
    write(async (ctx) => {
      const c = await undo(ctx, params.id);
      return { status: 200, body: await candidateView(await pairOf(ctx.client, c)) };
    }),
});
