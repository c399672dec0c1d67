import { listMyCases } from '../../../store/cases/readCases.ts';
import { defineRoute } from '../../route.ts';
import { CaseList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/cases/mine',
  summary:
    'My open cases, the most urgent first; a supervisor also sees those of their governorates waiting for a decision or an assignment',
  tags: ['cases'],
  response: CaseList,
  handler: async ({ actor, store }) => ({ items: await listMyCases(store.pool, actor) }),
});
