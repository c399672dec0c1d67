import { previewClaimRules } from '../../../../store/reconstruction/claims/previewRules.ts';
import { defineRoute } from '../../../route.ts';
import { RulesPreviewInput, RulesPreviewView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/claim-rules/preview',
  summary:
    'Preview proposed claim rules without saving them: how many open cases change rank, eligibility or grant, and the top of the new ranking of a governorate beside the old (no names)',
  tags: ['reconstruction'],
  body: RulesPreviewInput,
  response: RulesPreviewView,
  handler: async ({ body, actor, store }) => previewClaimRules(store.pool, actor, body.rules, body.governorate ?? null),
});
