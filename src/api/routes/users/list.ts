import { isUuid } from '../../../shared/ids.ts';
import { listUsers } from '../../../store/access/listUsers.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { defineRoute } from '../../route.ts';
import { UserList, UserListQuery } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/users',
  summary:
    "Your organisation's accounts whose governorates all lie within yours, by username, a page at a time (nextCursor), filtered by role, kind (person, machine) and status (active, disabled)",
  tags: ['users'],
  query: UserListQuery,
  response: UserList,
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, (v): v is { after: string } => isUuid((v as { after?: unknown } | null)?.after))?.after;
    const page = await listUsers(store.pool, actor, { ...query, after, limit: query.limit ?? 50 });
    return { items: page.items.map(userView), nextCursor: page.next && encodeCursor({ after: page.next }) };
  },
});
