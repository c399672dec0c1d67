import { decide } from '../../../store/duplicates/decide.ts';
import { defineRoute } from '../../route.ts';
import { CandidateId, CandidateView, DecisionInput } from './schema.ts';
import { candidateView } from './view.ts';
import { pairOf } from '../../../store/duplicates/pair.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/duplicates/:id/decision',
  summary:
    'Decide a pair: same person (links the two records, both kept), different people, or unsure. A link that would join conflicting records is refused (409 merge_refused)',
  tags: ['duplicates'],
  params: CandidateId,
  body: DecisionInput,
  response: CandidateView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => {
      const c = await decide(ctx, params.id, body.decision);
      return { status: 200, body: await candidateView(await pairOf(ctx.client, c)) };
    }),
});
