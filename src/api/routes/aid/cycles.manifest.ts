import { z } from 'zod';
import { manifest } from '../../../store/aid/manifest.ts';
import { appendLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ManifestView } from './schema.ts';
import { Uuid } from '../../../api/schemas.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/manifest',
  summary:
    "What a distribution point needs offline: its entitlements, card keys, revoked cards, the valid card serials of its households (for typed card numbers), and for the identity check each household's head's name and size, nothing more (the read is logged)",
  tags: ['aid'],
  params: IdParam,
  query: z.object({ point: Uuid }),
  response: ManifestView,
  handler: async ({ params, query, actor, store }) => {
    const m = await manifest(store.pool, actor, params.id, query.point);
    // Which households' names went out is fixed by the cycle and the point (cycle_household): the
    // entry names them by count, not by id, so that a device refreshing its list after every sync
    // does not write the point's whole list to the change log each time.
    await appendLog(store.pool, actor, {
      entity: 'distribution_point',
      entityId: m.point.id,
      action: 'read',
      after: { cycleId: m.cycle.id, identities: m.households.length },
    });
    return m;
  },
});
