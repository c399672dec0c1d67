import { completeEnrolment } from '../../../store/access/completeEnrolment.ts';
import { deviceOf } from '../../device.ts';
import { defineRoute } from '../../route.ts';
import { EnrolInput, EnrolSession } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/second-factor/enrol',
  summary:
    'Sign in for the first time with a second factor: the enrolment challenge from /auth/login and a code from the authenticator app that now holds the secret; stores it and returns a session and 10 one-time recovery codes (shown once)',
  tags: ['auth'],
  body: EnrolInput,
  response: EnrolSession,
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, store, request }) =>
    completeEnrolment(store.pool, store.secretKey, body.challenge, body.code, { deviceId: deviceOf(request.headers['x-device-id']) }),
});
