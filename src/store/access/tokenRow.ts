// An api_token row as the store reads it (never the hash): its account, name and lifetime.
export type ApiToken = {
  id: string;
  userId: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
};

/** The columns of an ApiToken, for `k`, an api_token row, and `u`, its app_user row. */
export const TOKEN_COLUMNS = 'k.id, k.user_id, u.username, k.name, k.created_at, k.expires_at, k.revoked_at';

export type TokenRow = {
  id: string;
  user_id: string;
  username: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
};

export function parseTokenRow(r: TokenRow): ApiToken {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}
