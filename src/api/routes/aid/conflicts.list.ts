import { listConflicts } from '../../../store/aid/listConflicts.ts';
import { defineRoute } from '../../route.ts';
import { ConflictList, IdParam } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/conflicts',
  summary: 'Redemptions flagged as conflicts (a second redemption of an entitlement, synced from offline devices)',
  tags: ['aid'],
  params: IdParam,
  response: ConflictList,
  handler: async ({ params, actor, store }) => {
    const conflicts = await listConflicts(store.pool, actor, params.id);
    return { conflicts: conflicts.map((c) => ({ ...c, redeemedAt: c.redeemedAt.toISOString() })) };
  },
});
