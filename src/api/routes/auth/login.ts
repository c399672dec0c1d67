import { z } from 'zod';
import { verifyPassword } from '../../../access/secrets.ts';
import { errors } from '../../../errors.ts';
import { findUserByName } from '../../../store/access/findUser.ts';
import { createSession } from '../../../store/access/sessions.ts';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/login',
  summary: 'Sign in with username and password; returns a session token (Bearer) and its expiry',
  tags: ['auth'],
  body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
  response: z.object({ token: z.string(), expiresAt: z.string(), role: z.string() }),
  rateLimit: { max: 10, timeWindow: '1 minute' },
  handler: async ({ body, store }) => {
    const u = await findUserByName(store.pool, body.username);
    const ok = await verifyPassword(u?.password_hash ?? null, body.password);
    if (!u || !ok || u.disabled) throw errors.badCredentials();
    const s = await createSession(store.pool, u.id);
    return { token: s.token, expiresAt: s.expiresAt, role: u.role };
  },
});
