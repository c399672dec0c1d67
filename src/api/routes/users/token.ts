import { createApiToken } from '../../../store/access/createApiToken.ts';
import { getUser } from '../../../store/access/findUser.ts';
import { defineRoute } from '../../route.ts';
import { TokenInput, TokenView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tokens',
  summary: 'Create an API token for a machine user of your organisation (shown once)',
  tags: ['users'],
  body: TokenInput,
  response: TokenView,
  status: 201,
  handler: async ({ body, actor, write }) =>
    write(async (ctx) => {
      await getUser(ctx.client, actor.orgId, body.userId);
      return { status: 201, body: { token: await createApiToken(ctx, body) } };
    }),
});
