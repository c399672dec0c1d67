import { listUsers } from '../../../store/access/listUsers.ts';
import { defineRoute } from '../../route.ts';
import { UserList } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/users',
  summary: "Your organisation's users",
  tags: ['users'],
  response: UserList,
  handler: async ({ actor, store }) => ({ items: (await listUsers(store.pool, actor.orgId)).map(userView) }),
});
