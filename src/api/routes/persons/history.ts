import { z } from 'zod';
import { personHistory } from '../../../store/registry/personHistory.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HistoryEntry } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/history',
  summary: "A person's history: who changed what, when (and who read the full record)",
  tags: ['persons'],
  params: IdParams,
  response: z.object({ items: z.array(HistoryEntry) }),
  handler: async ({ params, actor, store }) => ({ items: await personHistory(store.pool, actor, params.id) }),
});
