import { assertManageable, assertSession } from '../../../access/users.ts';
import { errors } from '../../../errors.ts';
import { findApiTokenForUpdate } from '../../../store/access/listApiTokens.ts';
import { revokeApiToken } from '../../../store/access/revokeApiToken.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { TokenRecord } from './schema.ts';
import { tokenView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tokens/:id/revoke',
  summary:
    'Revoke an API token: from the next request on it answers 401 token_revoked. Revoking it again changes nothing. Tokens of accounts outside your governorates are 404',
  tags: ['users'],
  params: IdParams,
  response: TokenRecord,
  handler: async ({ params, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const token = await findApiTokenForUpdate(ctx.client, actor.orgId, params.id);
      if (!token) throw errors.notFound('token');
      assertManageable(actor, token);
      return { status: 200, body: tokenView(await revokeApiToken(ctx, token)) };
    });
  },
});
