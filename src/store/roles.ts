// The two database roles (docs/decisions/0024-database-roles.md): the owner runs migrations and
// owns every table; the application's role (the server's and the commands' connections) owns
// nothing and holds only the rights it needs: on the change log INSERT and SELECT, nothing on the
// head or the keying, no TRUNCATE, REFERENCES or TRIGGER anywhere. Only an owner can ALTER, DISABLE
// TRIGGER or DROP, and PostgreSQL gives no way to gain those from these grants.
import type pg from 'pg';
import type { ChainKey } from '../access/chainKey.ts';
import { StoreError } from '../errors.ts';

/** The embedded server's application role (the owner is the cluster's `sanad` role). */
export const EMBEDDED_APP_ROLE = 'sanad_app';

/** Tables the application may read and append to, never change (INSERT and SELECT only). */
// payments stand once and are never changed; the approval chain of a claim case is appended, never rewritten
const APPEND_ONLY = ['change_log', 'change_log_anchor', 'shelter_cash_payment', 'tranche_payment', 'claim_case_decision'];
/** Tables the application may only read. */
const READ_ONLY = ['change_log_head', 'change_log_keying', 'schema_migration'];

const ident = (client: pg.ClientBase, name: string) => client.escapeIdentifier(name);

/** Creates the embedded server's application role if missing and sets its password (as the owner). */
export async function ensureLoginRole(client: pg.ClientBase, role: string, password: string): Promise<void> {
  const r = ident(client, role);
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount ?? 0;
  if (exists === 0) await client.query(`CREATE ROLE ${r} LOGIN`);
  await client.query(
    `ALTER ROLE ${r} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
  );
}

/**
 * Grants the application role what it needs on every table of the schema, then takes back what it
 * must not have on the change log. Idempotent and in one transaction (a running server never sees
 * a moment without its rights); run after every migration, so new tables are covered.
 */
export async function grantApplication(client: pg.ClientBase, role: string): Promise<void> {
  const r = ident(client, role);
  const db = (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(727002)');
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(client, db)} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    // (a database upgraded from PostgreSQL 14 or older may still let PUBLIC create in it)
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await client.query(`REVOKE UPDATE, DELETE ON ${[...APPEND_ONLY, ...READ_ONLY].join(', ')} FROM ${r}`);
    await client.query(`REVOKE INSERT ON ${READ_ONLY.join(', ')} FROM ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/**
 * Records which key the change log is keyed with (at the first start after migration 0027), and
 * refuses a key other than the recorded one: rows chained with it would all read as edited.
 */
export async function settleChainKey(client: pg.ClientBase, key: ChainKey): Promise<void> {
  const r = await client.query<{ key_id: string | null }>(
    'UPDATE change_log_keying SET key_id = coalesce(key_id, $1) WHERE one RETURNING key_id',
    [key.id],
  );
  const recorded = r.rows[0]?.key_id;
  if (recorded && recorded !== key.id) throw chainKeyMismatch(recorded, key.id);
}

/** For a role that may not record it: only checks. */
export async function checkChainKey(db: pg.Pool | pg.PoolClient, key: ChainKey): Promise<void> {
  const recorded = (await db.query<{ key_id: string | null }>('SELECT key_id FROM change_log_keying')).rows[0]?.key_id;
  if (recorded && recorded !== key.id) throw chainKeyMismatch(recorded, key.id);
}

const chainKeyMismatch = (recorded: string, mine: string) =>
  new StoreError(
    'chain_key_mismatch',
    `The change log is keyed with another secret key (key ${recorded}; this one is ${mine}). Give this process the server's key (SANAD_SECRET_KEY, or the data directory's secret.key).`,
  );

/** Whether the connected role could rewrite the change log (a superuser, or the owner of change_log). */
export async function canRewriteLog(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  const r = await db.query<{ w: boolean }>(
    `SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'USAGE') AS w
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'change_log'::regclass`,
  );
  return r.rows[0]?.w ?? true;
}
