import { readReferral } from '../../../store/referrals/readReferral.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ReferralView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/referrals/:id',
  summary: 'A referral, for the sending side (who may see the case) or the receiving side (the read is logged)',
  tags: ['referrals'],
  params: IdParams,
  response: ReferralView,
  handler: async ({ params, actor, store }) => readReferral(store.pool, actor, params.id),
});
