// Revoking one API token: it answers 401 token_revoked from the next request on. Revoking a revoked
// token changes nothing (and logs nothing). Logged with its name, never the token.
import type { WriteContext } from '../write.ts';
import type { ApiToken } from './tokenRow.ts';

export async function revokeApiToken(ctx: Pick<WriteContext, 'client' | 'log'>, token: ApiToken): Promise<ApiToken> {
  if (token.revokedAt) return token;
  const r = await ctx.client.query<{ revoked_at: Date }>('UPDATE api_token SET revoked_at = now() WHERE id = $1 RETURNING revoked_at', [
    token.id,
  ]);
  await ctx.log({ entity: 'api_token', entityId: token.id, action: 'token_revoke', after: { userId: token.userId, name: token.name } });
  return { ...token, revokedAt: r.rows[0]!.revoked_at.toISOString() };
}
