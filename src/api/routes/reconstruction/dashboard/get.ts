import { reconstructionDashboard } from '../../../../store/reconstruction/dashboard.ts';
import { defineRoute } from '../../../route.ts';
import { DashboardQuery, DashboardView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/dashboard',
  summary:
    'The reconstruction dashboard per governorate and locality: buildings and housing units by latest remote and field damage class, claims by state, cases with a plan and grants paid in tranches, funds committed and disbursed, materials (counts only; small cells withheld for aggregate roles)',
  tags: ['reconstruction'],
  query: DashboardQuery,
  response: DashboardView,
  handler: async ({ query, actor, store }) => reconstructionDashboard(store.pool, actor, query.governorate ?? null),
});
