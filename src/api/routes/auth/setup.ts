import { hasUsers } from '../../../store/access/hasUsers.ts';
import { defineRoute } from '../../route.ts';
import { SetupView } from './schema.ts';

// Public on purpose. It answers one yes/no about the whole server, never about a user: no names, no
// counts, no organisations. That an installation has accounts is what any sign-in page already says;
// while it has none there is nothing to protect yet, and the person installing it needs to be told
// how to create the first administrator (which only someone holding the server's data can do).
export default defineRoute({
  method: 'GET',
  url: '/api/v1/setup',
  summary:
    'The first run: whether any account exists yet. When hasUsers is false the first administrator is created on the server with `sanad user add --role administrator`',
  tags: ['auth'],
  response: SetupView,
  handler: async ({ store }) => ({ hasUsers: await hasUsers(store.pool) }),
});
