import { ruleVersions } from '../../../../store/reconstruction/claims/ruleVersions.ts';
import { defineRoute } from '../../../route.ts';
import { RuleVersionList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/claim-rules/versions',
  summary: 'The versions of the claim rules, newest first: who saved each, when and why',
  tags: ['reconstruction'],
  response: RuleVersionList,
  handler: async ({ actor, store }) => ({ versions: await ruleVersions(store.pool, actor.orgId) }),
});
