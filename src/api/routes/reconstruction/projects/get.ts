import { getProjectFor } from '../../../../store/reconstruction/projects/projectRow.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { ProjectView } from './schema.ts';
import { projectView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/projects/:id',
  summary: 'A reconstruction project with its budgets, transactions and totals (budget, committed, disbursed per currency)',
  tags: ['reconstruction'],
  params: IdParams,
  response: ProjectView,
  handler: async ({ params, actor, store }) => projectView(await getProjectFor(store.pool, actor, params.id)),
});
