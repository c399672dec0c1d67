import { assertSession } from '../../../access/users.ts';
import { renewRecoveryCodes } from '../../../store/access/renewRecoveryCodes.ts';
import { defineRoute } from '../../route.ts';
import { RecoveryCodesInput, RecoveryCodesView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/recovery-codes',
  summary:
    'Make new recovery codes: a current 6-digit code from your authenticator app replaces all your recovery codes (used or not) with 10 new ones, shown this once. Sessions only, never API tokens. A code works once; wrong codes count towards the same pause as at sign-in (403 bad_code, then 429)',
  tags: ['auth'],
  body: RecoveryCodesInput,
  response: RecoveryCodesView,
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, actor, store }) => {
    assertSession(actor); // a machine's token is not a person holding an authenticator
    return renewRecoveryCodes(store.pool, store.secretKey, actor, body.code);
  },
});
