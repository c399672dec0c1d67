import { createSite } from '../../../store/sites/createSite.ts';
import { defineRoute } from '../../route.ts';
import { SiteInput, SiteView } from './schema.ts';
import { assertOwnGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/sites',
  summary: 'Register a site: collective centre, school, camp, informal site or host community area',
  tags: ['sites'],
  body: SiteInput,
  response: SiteView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, created }) => {
    assertOwnGovernorate(actor, body.governorate);
    return created((ctx) => createSite(ctx, body));
  },
});
