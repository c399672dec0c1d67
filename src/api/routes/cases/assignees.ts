import { listAssignees } from '../../../store/cases/assignees.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { Assignees } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/cases/:id/assignees',
  summary: 'Who the case may be assigned to: the caseworkers and supervisors of its organisation and governorate',
  tags: ['cases'],
  params: IdParams,
  response: Assignees,
  handler: async ({ params, actor, store }) => ({ items: await listAssignees(store.pool, actor, params.id) }),
});
