import { assertManageable, assertNotOwnAccount, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { setUserDisabled } from '../../../store/access/setUserDisabled.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DisableView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/disable',
  summary:
    'Disable an account: its sessions end and its API tokens are revoked in the same moment; it can no longer sign in. Not your own (409 own_account)',
  tags: ['users'],
  params: IdParams,
  response: DisableView,
  handler: async ({ params, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
      assertManageable(actor, u);
      assertNotOwnAccount(actor, u.id);
      const out = await setUserDisabled(ctx, u, true);
      return { status: 200, body: { ...out, user: userView(out.user) } };
    });
  },
});
