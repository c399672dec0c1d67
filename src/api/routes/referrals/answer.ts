import { answerReferral } from '../../../store/referrals/answerReferral.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AnswerInput, ReferralView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/referrals/:id/answer',
  summary: 'Accept a referral to your organisation, or decline it with a reason',
  tags: ['referrals'],
  params: IdParams,
  body: AnswerInput,
  response: ReferralView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await answerReferral(ctx, params.id, body) })),
});
