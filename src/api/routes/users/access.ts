import { assertGrantable, assertManageable, assertNotOwnAccount, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { updateUserAccess } from '../../../store/access/updateUserAccess.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AccessInput, UserView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/users/:id/access',
  summary:
    "Change an account's role and governorates (within yours: 422 naming governorates otherwise); it applies to the account's next request. Not your own (409 own_account)",
  tags: ['users'],
  params: IdParams,
  body: AccessInput,
  response: UserView,
  idempotent: true,
  handler: async ({ params, body, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    assertGrantable(actor, body.governorates);
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
      assertManageable(actor, u);
      assertNotOwnAccount(actor, u.id);
      return { status: 200, body: userView(await updateUserAccess(ctx, u, body)) };
    });
  },
});
