import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { createApiToken } from '../../../store/access/createUser.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { Uuid } from '../../../api/schemas.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tokens',
  summary: 'Create an API token for a machine user of your organisation (shown once)',
  tags: ['users'],
  body: z.object({
    userId: Uuid,
    name: z.string().trim().min(1).max(100),
    days: z.number().int().min(1).max(3650).optional(),
  }),
  response: z.object({ token: z.string() }),
  status: 201,
  handler: async ({ body, actor, store }) => {
    const u = await store.pool.query('SELECT 1 FROM app_user WHERE id = $1 AND org_id = $2', [body.userId, actor.orgId]);
    if (!u.rowCount) throw errors.notFound('user');
    return write(store.pool, actor, { route: 'POST /api/v1/tokens', request: body }, async (ctx) => {
      const token = await createApiToken(ctx.client, body.userId, body.name, body.days);
      await ctx.log({ entity: 'user', entityId: body.userId, action: 'token_create', after: { name: body.name, days: body.days ?? null } });
      return { status: 201, body: { token } };
    });
  },
});
