import { listServices } from '../../../store/referrals/listServices.ts';
import { defineRoute } from '../../route.ts';
import { ServiceList, ServiceQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/services',
  summary: 'The service directory: every organisation’s services, by type and governorate (active ones unless asked)',
  tags: ['referrals'],
  query: ServiceQuery,
  response: ServiceList,
  handler: async ({ query, store }) => ({
    items: await listServices(store.pool, {
      type: query.type ?? null,
      governorate: query.governorate ?? null,
      includeInactive: query.inactive === 'true',
    }),
  }),
});
