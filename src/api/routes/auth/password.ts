import { assertSession } from '../../../access/users.ts';
import { changePassword } from '../../../store/access/changePassword.ts';
import { defineRoute } from '../../route.ts';
import { PasswordChangeInput, PasswordChangeView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/password',
  summary:
    'Change your own password: the current password, the new one (at least 12 characters, not the current one) and a current 6-digit code from your authenticator app. Sessions only, never API tokens. A wrong current password answers 403 wrong_password; a wrong code 403 bad_code (counted towards the same pause as at sign-in). Your other sessions end; this one stays. A temporary password (set by an administrator: GET /me says passwordTemporary) is replaced without a code, and until it is, a session may only do this, GET /me and sign out (403 password_change_required)',
  tags: ['auth'],
  body: PasswordChangeInput,
  response: PasswordChangeView,
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, actor, store, request }) => {
    assertSession(actor); // a machine's token is not a person who knows the password
    const token = request.headers.authorization?.slice('Bearer '.length).trim() ?? '';
    return changePassword(store.pool, store.secretKey, actor, token, body);
  },
});
