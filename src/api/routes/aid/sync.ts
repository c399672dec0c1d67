import { syncBatch } from '../../../store/aid/redeem.ts';
import { defineRoute } from '../../route.ts';
import { SyncInput, SyncView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/sync',
  summary:
    'Sync a batch of offline redemptions. Each keeps its device id: replays change nothing. One redemption stands per entitlement; a second is kept as a conflict for review. Refusals carry a reason.',
  tags: ['aid'],
  body: SyncInput,
  response: SyncView,
  handler: async ({ body, actor, store, write, request }) => {
    const results = await syncBatch(store.pool, actor, {
      pointId: body.pointId,
      batchId: body.batchId,
      deviceId: body.deviceId,
      items: body.redemptions,
      write,
    });
    request.server.metrics.syncBatch(results.length);
    return { batchId: body.batchId, results };
  },
});
