import { completeSecondFactor } from '../../../store/access/completeSecondFactor.ts';
import { deviceOf } from '../../device.ts';
import { defineRoute } from '../../route.ts';
import { SecondFactorInput, SecondFactorSession } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/second-factor',
  summary:
    'Sign in, second step: the challenge from /auth/login and the 6-digit code of the authenticator app (or one recovery code); returns a session token. Each code works once; wrong codes are counted and pause the account after 5 in a row',
  tags: ['auth'],
  body: SecondFactorInput,
  response: SecondFactorSession,
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, store, request }) => {
    const proof = 'code' in body ? { code: body.code } : { recoveryCode: body.recoveryCode };
    return completeSecondFactor(store.pool, store.secretKey, body.challenge, proof, { deviceId: deviceOf(request.headers['x-device-id']) });
  },
});
