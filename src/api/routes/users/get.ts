import { assertManageable } from '../../../access/users.ts';
import { getUser } from '../../../store/access/findUser.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UserView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/users/:id',
  summary: 'One account of your organisation whose governorates lie within yours (404 otherwise)',
  tags: ['users'],
  params: IdParams,
  response: UserView,
  handler: async ({ params, actor, store }) => {
    const u = await getUser(store.pool, actor.orgId, params.id);
    assertManageable(actor, u);
    return userView(u);
  },
});
