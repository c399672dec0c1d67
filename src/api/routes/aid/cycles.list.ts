import { z } from 'zod';
import { listCycles } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { CycleList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles',
  summary:
    "Your organisation's cycles, newest cut-off first (at most 500), with the programme's name; a distribution point picks one to download its manifest",
  tags: ['aid'],
  query: z.object({ status: z.enum(['draft', 'generated', 'closed']).optional() }),
  response: CycleList,
  handler: async ({ query, actor, store }) => ({ cycles: await listCycles(store.pool, actor, query.status) }),
});
