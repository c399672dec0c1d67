import { listSites } from '../../../store/sites/listSites.ts';
import { defineRoute } from '../../route.ts';
import { SiteList, SiteListView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites',
  summary: 'Sites in your governorates, by governorate, kind or status',
  tags: ['sites'],
  query: SiteList,
  response: SiteListView,
  handler: async ({ query, actor, store }) => ({ sites: await listSites(store.pool, actor, query) }),
});
