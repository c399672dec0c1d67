import { shelterCashDue } from '../../../../store/reconstruction/tranches/shelterCashDue.ts';
import { defineRoute } from '../../../route.ts';
import { ShelterDue, ShelterMonthQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/shelter-cash',
  summary:
    "A month's transitional shelter cash in your organisation and governorates (this month unless named): plans due and not yet paid, and plans paid, each with their total; no names",
  tags: ['reconstruction'],
  query: ShelterMonthQuery,
  response: ShelterDue,
  handler: async ({ query, actor, store }) => {
    const today = new Date().toISOString().slice(0, 10);
    return shelterCashDue(store.pool, actor, query.month ?? today.slice(0, 7), today);
  },
});
