import { listSites } from '../../../store/sites/sites.ts';
import { defineRoute } from '../../route.ts';
import { SiteList, SitesView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites',
  summary: 'Sites in your governorates, by governorate, kind or status',
  tags: ['sites'],
  query: SiteList,
  response: SitesView,
  handler: async ({ query, actor, store }) => ({ sites: await listSites(store.pool, actor, query) }),
});
