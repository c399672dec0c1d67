import { decideCase } from '../../../../store/reconstruction/claims/decideCase.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { CaseView, DecisionInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/decision',
  summary:
    "The committee's decision on a verified joint case, with a reason: approved (the grant fixed from the current rules) or rejected; never by the officer who checked it nor an engineer who assessed the unit",
  tags: ['reconstruction'],
  params: IdParams,
  body: DecisionInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({ status: 200, body: await decideCase(ctx, params.id, body.decision, body.reason) })),
});
