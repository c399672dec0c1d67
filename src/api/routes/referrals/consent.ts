import { checkDay } from '../../../registry/day.ts';
import { recordConsent } from '../../../store/cases/recordConsent.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseView, Consent } from '../cases/schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/consent',
  summary: 'Record the person’s consent on the case anew (whom a referral may go to, what it carries, until when), or its withdrawal',
  tags: ['cases', 'referrals'],
  params: IdParams,
  body: Consent,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    if (body.until !== undefined) checkDay(body.until, 'until', { future: true });
    return write(async (ctx) => ({ status: 200, body: await recordConsent(ctx, params.id, body) }));
  },
});
