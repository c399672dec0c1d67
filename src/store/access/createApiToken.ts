// An API token for a machine account: only its hash is stored; the token is shown once. Every token
// ends (days is required, at most TOKEN_MAX_DAYS: the route's schema and the table's NOT NULL).
import { newToken, tokenHash } from '../../access/secrets.ts';
import type { WriteContext } from '../write.ts';
import { type ApiToken, TOKEN_COLUMNS, type TokenRow, parseTokenRow } from './tokenRow.ts';

export type NewApiToken = { userId: string; name: string; days: number };

/** Inserts the token's hash and logs its name and lifetime (never the token). Returns the token, and the record of it. */
export async function createApiToken(
  ctx: Pick<WriteContext, 'client' | 'log'>,
  t: NewApiToken,
): Promise<{ token: string; record: ApiToken }> {
  const token = newToken('api');
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4::int)) RETURNING id`,
    [t.userId, t.name, tokenHash(token), t.days],
  );
  const row = await ctx.client.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM api_token k JOIN app_user u ON u.id = k.user_id WHERE k.id = $1`,
    [r.rows[0]!.id],
  );
  const record = parseTokenRow(row.rows[0]!);
  await ctx.log({
    entity: 'api_token',
    entityId: record.id,
    action: 'token_create',
    after: { userId: t.userId, name: t.name, days: t.days, expiresAt: record.expiresAt },
  });
  return { token, record };
}
