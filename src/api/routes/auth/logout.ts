import { z } from 'zod';
import { revokeSession } from '../../../store/access/sessions.ts';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/logout',
  summary: 'End this session',
  tags: ['auth'],
  response: z.object({ ok: z.boolean() }),
  handler: async ({ request, store }) => {
    const token = request.headers.authorization?.slice(7).trim() ?? '';
    await revokeSession(store.pool, token);
    return { ok: true };
  },
});
