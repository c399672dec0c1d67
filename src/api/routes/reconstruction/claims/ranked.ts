import { rankedCases } from '../../../../store/reconstruction/claims/rankedCases.ts';
import { defineRoute } from '../../../route.ts';
import { RankedList, RankedQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/cases',
  summary:
    "A governorate's open joint cases ranked by priority, each score explained field by field (state=verified: the committee's queue); no names",
  tags: ['reconstruction'],
  query: RankedQuery,
  response: RankedList,
  handler: async ({ query, actor, store }) => ({
    items: await rankedCases(store.pool, actor, {
      governorate: query.governorate,
      state: query.state ?? null,
      limit: query.limit,
      offset: query.offset,
    }),
  }),
});
