import { assertManageable, assertNotOwnAccount, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { setUserDisabled } from '../../../store/access/setUserDisabled.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DisableView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/enable',
  summary: 'Enable a disabled account again: the person signs in again, a machine needs new tokens (none come back)',
  tags: ['users'],
  params: IdParams,
  response: DisableView,
  handler: async ({ params, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
      assertManageable(actor, u);
      assertNotOwnAccount(actor, u.id);
      const out = await setUserDisabled(ctx, u, false);
      return { status: 200, body: { ...out, user: userView(out.user) } };
    });
  },
});
