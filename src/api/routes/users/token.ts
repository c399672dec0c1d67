import { assertMachine, assertManageable, assertSession } from '../../../access/users.ts';
import { errors } from '../../../errors.ts';
import { createApiToken } from '../../../store/access/createApiToken.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { defineRoute } from '../../route.ts';
import { TokenInput, TokenView } from './schema.ts';
import { tokenView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tokens',
  summary:
    'Create an API token for a machine account of your organisation whose governorates lie within yours (404 otherwise; 409 not_a_machine for a person), ending after `days` (required, at most 365). The token is shown once, here',
  tags: ['users'],
  body: TokenInput,
  response: TokenView,
  status: 201,
  handler: async ({ body, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, body.userId);
      assertManageable(actor, u);
      assertMachine(u);
      if (u.disabled) throw errors.accountDisabled();
      const out = await createApiToken(ctx, body);
      return { status: 201, body: { token: out.token, record: tokenView(out.record) } };
    });
  },
});
