import { updateSite } from '../../../store/sites/updateSite.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, SiteUpdate, SiteView } from './schema.ts';
import { assertOwnGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/sites/:id',
  summary: 'Update a site (floor area, toilets, water points, status...); send the version you read',
  tags: ['sites'],
  params: IdParam,
  body: SiteUpdate,
  response: SiteView,
  idempotent: true,
  handler: async ({ params, body, actor, write }) => {
    assertOwnGovernorate(actor, body.governorate);
    const { version, ...input } = body;
    return write(async (ctx) => ({
      status: 200,
      body: await updateSite(ctx, params.id, version, input),
    }));
  },
});
