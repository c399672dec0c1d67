import { getSite } from '../../../store/sites/getSite.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, SiteView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites/:id',
  summary: 'A site',
  tags: ['sites'],
  params: IdParam,
  response: SiteView,
  handler: async ({ params, actor, store }) => getSite(store.pool, actor, params.id),
});
