import { redeemOnline } from '../../../store/aid/redeem.ts';
import { defineRoute } from '../../route.ts';
import { RedeemInput, RedemptionResult } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/redemptions',
  summary:
    'Redeem one entitlement online with the household card: 201 standing; 200 a replay; 409 already redeemed (hand nothing out); 422 card refused, with the reason',
  tags: ['aid'],
  body: RedeemInput,
  response: RedemptionResult,
  handler: async ({ body, actor, store, reply, write }) => {
    const r = await redeemOnline(store.pool, actor, { pointId: body.pointId, item: body, write });
    const status = r.status === 'standing' ? (r.replayed ? 200 : 201) : r.reason === 'already_redeemed' ? 409 : 422;
    return reply.status(status).send(r);
  },
});
