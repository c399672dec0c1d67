import { checkDay } from '../../../registry/day.ts';
import { siteResidents } from '../../../store/sites/siteResidents.ts';
import { logPersonsShown } from '../../../store/registry/logPersonsShown.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ResidentsQuery, SiteResidentsView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites/:id/residents',
  summary: 'The households living at a site (their latest move went there), with size and needs (the read is logged)',
  tags: ['sites'],
  params: IdParam,
  query: ResidentsQuery,
  response: SiteResidentsView,
  handler: async ({ params, query, actor, store }) => {
    const out = await siteResidents(store.pool, actor, params.id, checkDay(query.on, 'on'));
    await logPersonsShown(
      store.pool,
      actor,
      'site_residents',
      out.households.map((h) => h.id),
      { site: out.site },
    );
    return out;
  },
});
