// Factories for test data: organisations, users with a session token, persons. Synthetic names only.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/access/actor.ts';
import type { Role } from '../../src/access/roles.ts';
import { newToken, tokenHash } from '../../src/access/secrets.ts';
import { buildApp } from '../../src/api/app.ts';
import { governorateCodes } from '../../src/places/governorates.ts';
import { createOrganisation, createUser } from '../../src/store/access/createUser.ts';
import { createSession } from '../../src/store/access/sessions.ts';
import type { Store } from '../../src/store/open.ts';
import { type TestDb, testSecretKey } from './db.ts';

export const PASSWORD = 'correct horse battery staple';

/** The run's secret key (the server's DATA/secret.key): seals second-factor secrets, keys the change log. */
export const TEST_SECRET_KEY = testSecretKey();

export function storeOf(db: TestDb): Store {
  return { pool: db.pool, url: db.url, close: async () => undefined, secretKey: TEST_SECRET_KEY };
}

export async function testApp(db: TestDb): Promise<FastifyInstance> {
  return buildApp({ store: storeOf(db) });
}

export type TestUser = { id: string; orgId: string; username: string; token: string; actor: Actor; auth: { authorization: string } };

export async function makeOrg(db: TestDb, name = `org-${randomBytes(4).toString('hex')}`): Promise<string> {
  return createOrganisation(db.pool, name);
}

export async function makeUser(db: TestDb, opts: { role?: Role; orgId?: string; governorates?: string[] } = {}): Promise<TestUser> {
  const orgId = opts.orgId ?? (await makeOrg(db));
  const role = opts.role ?? 'registration_officer';
  const governorates = opts.governorates ?? [...governorateCodes];
  const username = `u${randomBytes(5).toString('hex')}`;
  const id = await createUser(db.pool, { orgId, username, password: PASSWORD, role, governorates });
  const { token } = await createSession(db.pool, id);
  return { id, orgId, username, token, actor: { userId: id, orgId, role, governorates }, auth: { authorization: `Bearer ${token}` } };
}

/** A machine account (no password) and an API token for it, ending in `days` (inserted directly, as a test's fixture). */
export async function makeMachine(
  db: TestDb,
  opts: { role?: Role; orgId?: string; governorates?: string[]; days?: number } = {},
): Promise<TestUser> {
  const orgId = opts.orgId ?? (await makeOrg(db));
  const username = `m${randomBytes(5).toString('hex')}`;
  const role = opts.role ?? 'distribution_officer';
  const governorates = opts.governorates ?? [...governorateCodes];
  const id = await createUser(db.pool, { orgId, username, kind: 'machine', role, governorates });
  const token = newToken('api');
  await db.pool.query(
    'INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4))',
    [id, 'test token', tokenHash(token), opts.days ?? 30],
  );
  const actor: Actor = { userId: id, orgId, role, governorates, credential: 'api_token' };
  return { id, orgId, username, token, actor, auth: { authorization: `Bearer ${token}` } };
}

let n = 0;
/** A synthetic person input (invented names). */
export function personInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  const given = ['سامر', 'ليلى', 'كريم', 'هالة', 'ياسر', 'منى'][n % 6]!;
  return {
    givenName: given,
    fatherName: 'خليل',
    grandfatherName: 'إبراهيم',
    familyName: 'الحداد',
    sex: n % 2 ? 'male' : 'female',
    dateOfBirth: '1990-03-12',
    governorate: 'PS0260',
    ...over,
  };
}

/**
 * Row counts of every table plus the change-log head: equal before and after means nothing changed.
 * Not request_limit: it counts requests (a refused one too), not data.
 */
export async function snapshot(db: TestDb): Promise<Record<string, number | string>> {
  // One statement (one round trip, one consistent view): the write fuzz tests take one or two per
  // request, and a query per table made them the slowest files of the suite.
  let sql = snapshotSql.get(db.pool);
  if (!sql) {
    const tables = (
      await db.pool.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'request_limit' ORDER BY tablename",
      )
    ).rows.map((r) => r.tablename);
    sql = [
      ...tables.map((t) => `SELECT '${t}' AS k, count(*)::int AS n, NULL AS s FROM "${t}"`),
      "SELECT 'head', NULL, seq::text || ':' || encode(hash, 'hex') FROM change_log_head",
      "SELECT 'versions', NULL, coalesce(sum(version), 0)::text FROM person",
    ].join(' UNION ALL ');
    snapshotSql.set(db.pool, sql);
  }
  // Named: each connection plans it once (planning the 90 counts cost five times their running).
  const rows = (await db.pool.query<{ k: string; n: number | null; s: string | null }>({ name: 'test-snapshot', text: sql })).rows;
  return Object.fromEntries(rows.map((r) => [r.k, r.n ?? r.s!]));
}
/** The snapshot statement of a database (its tables do not change while a test runs). */
const snapshotSql = new WeakMap<object, string>();
