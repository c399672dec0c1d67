import { z } from 'zod';
import type { Role } from '../../../access/roles.ts';
import { defineRoute } from '../../route.ts';
import { UserView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/users',
  summary: "Your organisation's users",
  tags: ['users'],
  response: z.object({ items: z.array(UserView) }),
  handler: async ({ actor, store }) => {
    const r = await store.pool.query<{
      id: string;
      username: string;
      role: Role;
      governorates: string[];
      disabled: boolean;
      secondFactor: boolean;
    }>(
      'SELECT id, username, role, governorates, disabled, EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id) AS "secondFactor" FROM app_user u WHERE org_id = $1 ORDER BY username',
      [actor.orgId],
    );
    return { items: r.rows };
  },
});
