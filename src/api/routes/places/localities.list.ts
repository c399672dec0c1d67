import { z } from 'zod';
import { assertKnownGovernorate } from '../../../access/scope.ts';
import { listLocalities } from '../../../store/places/listLocalities.ts';
import { defineRoute } from '../../route.ts';
import { LocalitiesQuery, Locality } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/places/localities',
  summary: "Localities of a governorate: your organisation's and the shared reference ones",
  tags: ['places'],
  query: LocalitiesQuery,
  response: z.object({ items: z.array(Locality) }),
  handler: async ({ query, actor, store }) => {
    assertKnownGovernorate(query.governorate, 'query.governorate');
    return { items: await listLocalities(store.pool, actor, query.governorate) };
  },
});
