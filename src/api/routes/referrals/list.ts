import { listReferrals } from '../../../store/referrals/listReferrals.ts';
import { defineRoute } from '../../route.ts';
import { ReferralList } from './schema.ts';

export const referralsIn = defineRoute({
  method: 'GET',
  url: '/api/v1/referrals/in',
  summary: 'Referrals to your organisation, as the consent allows you to see them (the read is logged)',
  tags: ['referrals'],
  response: ReferralList,
  handler: async ({ actor, store }) => ({ items: await listReferrals(store.pool, actor, 'in') }),
});

export const referralsOut = defineRoute({
  method: 'GET',
  url: '/api/v1/referrals/out',
  summary: 'Referrals from the cases you may see, with their status and outcome (the read is logged)',
  tags: ['referrals'],
  response: ReferralList,
  handler: async ({ actor, store }) => ({ items: await listReferrals(store.pool, actor, 'out') }),
});
