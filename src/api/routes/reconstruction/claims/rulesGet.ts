import { currentRules } from '../../../../store/reconstruction/claims/claimRules.ts';
import { defineRoute } from '../../../route.ts';
import { RulesView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/claim-rules',
  summary: 'The current claim rules (eligibility, grants by class and stream, priority weights) and their version',
  tags: ['reconstruction'],
  response: RulesView,
  handler: async ({ actor, store }) => currentRules(store.pool, actor.orgId),
});
