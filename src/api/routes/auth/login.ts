import { checkPassword } from '../../../access/users.ts';
import { findUsersByName } from '../../../store/access/findUser.ts';
import { beginSecondFactor } from '../../../store/access/beginSecondFactor.ts';
import { defineRoute } from '../../route.ts';
import { LoginInput, LoginStep } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/login',
  summary:
    'Sign in, first step: username and password. Never returns a session: a short-lived single-use challenge for the code (POST /auth/second-factor), or, before the first sign-in with a second factor, a new TOTP secret (shown once) to enrol (POST /auth/second-factor/enrol)',
  tags: ['auth'],
  body: LoginInput,
  response: LoginStep,
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, store }) => {
    const account = await checkPassword(await findUsersByName(store.pool, body.username, body.organisation), body.password);
    return beginSecondFactor(store.pool, store.secretKey, account);
  },
});
