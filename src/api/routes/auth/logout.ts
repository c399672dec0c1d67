import { revokeSession } from '../../../store/access/sessions.ts';
import { defineRoute } from '../../route.ts';
import { LogoutView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/auth/logout',
  summary: 'End this session',
  tags: ['auth'],
  response: LogoutView,
  handler: async ({ request, store }) => {
    await revokeSession(store.pool, request.headers.authorization?.slice('Bearer '.length).trim() ?? '');
    return { ok: true };
  },
});
