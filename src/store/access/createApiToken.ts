// An API token for a user (a machine's credential): only its hash is stored; the token is shown once.
import { newToken, tokenHash } from '../../access/secrets.ts';
import type { WriteContext } from '../write.ts';

export type NewApiToken = { userId: string; name: string; days?: number | undefined };

/** Inserts the token's hash and logs its name and lifetime (never the token). Returns the token. */
export async function createApiToken(ctx: Pick<WriteContext, 'client' | 'log'>, t: NewApiToken): Promise<string> {
  const token = newToken('api');
  await ctx.client.query(
    `INSERT INTO api_token (user_id, name, token_hash, expires_at)
     VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END)`,
    [t.userId, t.name, tokenHash(token), t.days ?? null],
  );
  await ctx.log({ entity: 'user', entityId: t.userId, action: 'token_create', after: { name: t.name, days: t.days ?? null } });
  return token;
}
