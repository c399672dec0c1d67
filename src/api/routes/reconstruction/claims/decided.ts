import { decidedCases } from '../../../../store/reconstruction/claims/decidedCases.ts';
import { defineRoute } from '../../../route.ts';
import { DecidedList, DecidedQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/decided-cases',
  summary: "A governorate's decided joint cases (approved or rejected), the latest decision first; no names",
  tags: ['reconstruction'],
  query: DecidedQuery,
  response: DecidedList,
  handler: async ({ query, actor, store }) => ({
    items: await decidedCases(store.pool, actor, {
      governorate: query.governorate,
      state: query.state ?? null,
      limit: query.limit,
      offset: query.offset,
    }),
  }),
});
