// The API tokens of the organisation's machine accounts the administrator may act on (the account's
// governorates within theirs), newest first; optionally one account's. Never the token itself.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type ApiToken, parseTokenRow, TOKEN_COLUMNS, type TokenRow } from './tokenRow.ts';

export async function listApiTokens(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId' | 'governorates'>,
  f: { userId?: string | undefined; limit: number },
): Promise<ApiToken[]> {
  const r = await db.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM api_token k JOIN app_user u ON u.id = k.user_id
      WHERE u.org_id = $1 AND u.governorates <@ $2::text[] AND ($3::uuid IS NULL OR u.id = $3)
      ORDER BY k.created_at DESC, k.id LIMIT $4`,
    [actor.orgId, [...actor.governorates], f.userId ?? null, f.limit],
  );
  return r.rows.map(parseTokenRow);
}

/** One token of the organisation, with its account's governorates (for the scope check), locked for a change. */
export async function findApiTokenForUpdate(
  c: pg.PoolClient,
  orgId: string,
  id: string,
): Promise<(ApiToken & { governorates: string[] }) | undefined> {
  const r = await c.query<TokenRow & { governorates: string[] }>(
    `SELECT ${TOKEN_COLUMNS}, u.governorates FROM api_token k JOIN app_user u ON u.id = k.user_id
      WHERE k.id = $1 AND u.org_id = $2 FOR UPDATE OF k`,
    [id, orgId],
  );
  const row = r.rows[0];
  return row && { ...parseTokenRow(row), governorates: row.governorates };
}
