import { errors } from '../../../errors.ts';
import { createUser } from '../../../store/access/createUser.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { UserInput, UserView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users',
  summary: 'Create a user in your organisation',
  tags: ['users'],
  body: UserInput,
  response: UserView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, operationId }) => {
    const outside = body.governorates.filter((g) => !actor.governorates.includes(g));
    if (outside.length > 0) throw errors.validation([{ field: 'governorates', reason: 'may only include governorates you work in' }]);
    const exists = await store.pool.query('SELECT 1 FROM app_user WHERE username = $1', [body.username]);
    if (exists.rowCount) throw errors.usernameTaken();
    const { password: _p, ...logged } = body;
    return write(store.pool, actor, { operationId, route: 'POST /api/v1/users', request: logged }, async (ctx) => {
      const id = await createUser(ctx.client, { orgId: actor.orgId, ...body });
      await ctx.log({ entity: 'user', entityId: id, action: 'create', after: logged });
      return {
        status: 201,
        body: { id, username: body.username, role: body.role, governorates: body.governorates, disabled: false, secondFactor: false },
      };
    });
  },
});
