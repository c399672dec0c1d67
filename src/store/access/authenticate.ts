// Bearer token (session or API token) to the acting user. An unknown, expired or revoked session, or
// a disabled account's: undefined (401 unauthenticated). An API token the server knows that has
// expired or was revoked (also when its account was disabled) throws 401 token_expired or
// token_revoked, so the machine's operator knows what to do.
//
// A session's lookup is reused for a few seconds (`cacheMs`, the server's default SESSION_CACHE_MS):
// a user searching or typing sends many requests a second, each of which would otherwise ask the
// database again. Only good answers are kept, only for sessions (an API token is looked up every
// time), never past the session's expiry, and keyed by the token's hash. This process forgets them
// all whenever it changes an account or a session (forgetSessions: sign-out, a password, a user's
// access, disabling, a reset), so those take effect at once here; a change made elsewhere (another
// server, `sanad user` while `sanad serve` runs, SQL) takes effect within `cacheMs`.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { tokenHash } from '../../access/secrets.ts';
import type { Role } from '../../access/roles.ts';
import { errors } from '../../errors.ts';

type Row = {
  id: string;
  org_id: string;
  role: Role;
  governorates: string[];
  password_temporary: boolean;
  disabled: boolean;
  revoked: boolean;
  expired: boolean;
  ms_left: number | string;
};

/** How long the server reuses a session's lookup (ms): a revocation elsewhere takes effect within it. */
export const SESSION_CACHE_MS = 5_000;
/** Sessions remembered per pool at most (a bound on memory; past it the cache starts over). */
const CACHE_MAX = 10_000;

type SessionCache = { gen: number; entries: Map<string, { actor: Actor; until: number }> };
const caches = new WeakMap<pg.Pool, SessionCache>();
const cacheOf = (pool: pg.Pool): SessionCache => {
  let c = caches.get(pool);
  if (!c) caches.set(pool, (c = { gen: 0, entries: new Map() }));
  return c;
};

/** Forgets every remembered session lookup of this pool's database (after a change of accounts or sessions). */
export function forgetSessions(pool: pg.Pool): void {
  const c = cacheOf(pool);
  c.gen++;
  c.entries.clear();
}

export async function authenticate(
  pool: pg.Pool,
  token: string,
  deviceId?: string,
  opts: { cacheMs?: number } = {},
): Promise<Actor | undefined> {
  const table = token.startsWith('ses_') ? 'session' : token.startsWith('sat_') ? 'api_token' : undefined;
  if (!table) return undefined;
  const hash = tokenHash(token);
  const cacheMs = table === 'session' ? (opts.cacheMs ?? 0) : 0;
  const cache = cacheOf(pool);
  const key = hash.toString('base64');
  if (cacheMs > 0) {
    const hit = cache.entries.get(key);
    if (hit && hit.until > performance.now()) return { ...hit.actor, deviceId };
  }
  const gen = cache.gen;
  const r = await pool.query<Row>(
    `SELECT u.id, u.org_id, u.role, u.governorates, u.password_temporary, u.disabled,
            t.revoked_at IS NOT NULL AS revoked, t.expires_at <= now() AS expired,
            extract(epoch FROM t.expires_at - now()) * 1000 AS ms_left
       FROM ${table} t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [hash],
  );
  const u = r.rows[0];
  if (!u) return undefined;
  if (u.revoked || u.expired || u.disabled) {
    if (table === 'session') return undefined;
    throw u.revoked || u.disabled ? errors.tokenRevoked() : errors.tokenExpired();
  }
  const actor: Actor = {
    userId: u.id,
    orgId: u.org_id,
    role: u.role,
    governorates: u.governorates,
    deviceId,
    credential: table,
    ...(u.password_temporary ? { passwordTemporary: true } : {}),
  };
  // not when the accounts changed while this lookup ran: it may have read them before the change
  if (cacheMs > 0 && cache.gen === gen) {
    if (cache.entries.size >= CACHE_MAX) cache.entries.clear();
    cache.entries.set(key, { actor, until: performance.now() + Math.min(cacheMs, Number(u.ms_left)) });
  }
  return actor;
}
