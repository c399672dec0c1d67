import { assertManageable, assertNotOwnAccount, assertPerson, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { setTemporaryPassword } from '../../../store/access/setTemporaryPassword.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { TemporaryPasswordInput, TemporaryPasswordView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/temporary-password',
  summary:
    'Set a new TEMPORARY password for a person (forgotten password): their sessions end; at the next sign-in (with their second factor, which stays) they choose their own before anything else. Only accounts whose governorates lie within yours (404 otherwise); not your own (409 own_account: change it on My account); not a machine account (409 machine_account)',
  tags: ['users'],
  params: IdParams,
  body: TemporaryPasswordInput,
  response: TemporaryPasswordView,
  handler: async ({ params, body, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
      assertManageable(actor, u);
      assertNotOwnAccount(actor, u.id);
      assertPerson(u);
      return { status: 200, body: await setTemporaryPassword(ctx, u.id, body.password) };
    });
  },
});
