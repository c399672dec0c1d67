import { saveRules } from '../../../../store/reconstruction/claims/claimRules.ts';
import { defineRoute } from '../../../route.ts';
import { RulesInput, RulesView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/claim-rules',
  summary:
    'Save the claim rules as a new version, with the reason and the version they were based on: open cases are re-checked and re-ranked; decided cases keep the version they were decided with',
  tags: ['reconstruction'],
  body: RulesInput,
  response: RulesView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) => created((ctx) => saveRules(ctx, body.rules, { reason: body.reason, basedOn: body.basedOn })),
});
