import { listPersonCases } from '../../../store/cases/readCases.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { PersonCaseList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/cases',
  summary:
    "A person's cases you may open, and the other non-sensitive ones in your scope (sensitive cases you may not open are not listed)",
  tags: ['cases'],
  params: IdParams,
  response: PersonCaseList,
  handler: async ({ params, actor, store }) => ({ items: await listPersonCases(store.pool, actor, params.id) }),
});
