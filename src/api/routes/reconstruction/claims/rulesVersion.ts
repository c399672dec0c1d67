import { ruleVersion } from '../../../../store/reconstruction/claims/ruleVersion.ts';
import { defineRoute } from '../../../route.ts';
import { RuleVersionView, VersionParams } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/claim-rules/versions/:version',
  summary: 'One version of the claim rules as it was saved, with who saved it, when and why',
  tags: ['reconstruction'],
  params: VersionParams,
  response: RuleVersionView,
  handler: async ({ params, actor, store }) => ruleVersion(store.pool, actor.orgId, params.version),
});
