import { listApiTokens } from '../../../store/access/listApiTokens.ts';
import { defineRoute } from '../../route.ts';
import { TokenList, TokenListQuery } from './schema.ts';
import { tokenView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tokens',
  summary:
    "The API tokens of your organisation's machine accounts whose governorates lie within yours, newest first (optionally one account's): name, account, made, ends, revoked. Never the token itself",
  tags: ['users'],
  query: TokenListQuery,
  response: TokenList,
  handler: async ({ query, actor, store }) => ({
    items: (await listApiTokens(store.pool, actor, { userId: query.userId, limit: query.limit ?? 100 })).map(tokenView),
  }),
});
