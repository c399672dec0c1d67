import { sendReferral } from '../../../store/referrals/sendReferral.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ReferralInput, ReferralView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/referrals',
  summary: 'Refer the case to a service of the directory, carrying only what the case’s consent allows (refused, naming why, otherwise)',
  tags: ['referrals'],
  params: IdParams,
  body: ReferralInput,
  response: ReferralView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 201,
      body: await sendReferral(ctx, params.id, { serviceId: body.serviceId, urgency: body.urgency, need: body.need ?? null }),
    })),
});
