import { checkDay } from '../../../registry/day.ts';
import { reportReferral } from '../../../store/referrals/reportReferral.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ReferralView, ReportInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/referrals/:id/report',
  summary: 'Report back on a referral you accepted: the outcome and the day of the service',
  tags: ['referrals'],
  params: IdParams,
  body: ReportInput,
  response: ReferralView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const date = checkDay(body.date, 'date');
    return write(async (ctx) => ({ status: 200, body: await reportReferral(ctx, params.id, { outcome: body.outcome, date }) }));
  },
});
