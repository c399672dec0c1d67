import { decideCase } from '../../../store/cases/actOnCase.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseView, DecisionInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/decision',
  summary: 'A supervisor approves the assessment, the plan or the closure waiting for them, or sends it back with a comment',
  tags: ['cases'],
  params: IdParams,
  body: DecisionInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await decideCase(ctx, params.id, { decision: body.decision, comment: body.comment ?? null }),
    })),
});
