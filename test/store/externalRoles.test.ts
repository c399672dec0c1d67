// An external PostgreSQL with two roles (docs/decisions/0024-database-roles.md): DATABASE_OWNER_URL
// migrates and grants, DATABASE_URL is the server's role, which owns nothing. Without the owner's
// URL the server needs nothing pending, and says what to do when something is.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { withDatabase } from '../../src/store/embedded.ts';
import { openStore } from '../../src/store/open.ts';
import { appendLog } from '../../src/store/write.ts';
import { sanadOut } from '../support/cli.ts';

const name = `ext_${randomBytes(5).toString('hex')}`;
const role = `app_${randomBytes(5).toString('hex')}`;
const password = randomBytes(12).toString('hex');
const secretKey = newSecretKey();
let ownerUrl: string;
let appUrl: string;
const admin = () => new pg.Client({ connectionString: inject('pgAdminUrl') });

beforeAll(async () => {
  const a = admin();
  await a.connect();
  await a.query(`CREATE DATABASE ${name}`);
  await a.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await a.end();
  ownerUrl = withDatabase(inject('pgAdminUrl'), name);
  const u = new URL(ownerUrl);
  u.username = role;
  u.password = password;
  appUrl = u.toString();
});
afterAll(async () => {
  const a = admin();
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.query(`DROP ROLE IF EXISTS ${role}`);
  await a.end();
});
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };

test('with the owner URL: migrated as the owner, the pool is the role that owns nothing', async () => {
  const s = await openStore({ databaseUrl: appUrl, ownerUrl, secretKey });
  try {
    expect((await s.pool.query('SELECT current_user AS u')).rows[0].u).toBe(role);
    await appendLog(s.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
    await expect(s.pool.query('DELETE FROM change_log')).rejects.toThrow(/permission denied/);
    await expect(s.pool.query('ALTER TABLE change_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
  } finally {
    await s.close();
  }
});

test('without it: nothing pending is fine; a pending migration names the owner URL', async () => {
  const s = await openStore({ databaseUrl: appUrl, secretKey });
  await s.close();
  const o = new pg.Client({ connectionString: ownerUrl });
  await o.connect();
  const last = (await o.query<{ name: string }>('SELECT max(name) AS name FROM schema_migration')).rows[0]!.name;
  await o.query('DELETE FROM schema_migration WHERE name = $1', [last]);
  try {
    await expect(openStore({ databaseUrl: appUrl, secretKey })).rejects.toThrow(/(must be owner|permission denied).*DATABASE_OWNER_URL/);
  } finally {
    await o.query('INSERT INTO schema_migration (name) VALUES ($1)', [last]);
    await o.end();
  }
});

test('sanad migrate with DATABASE_OWNER_URL grants a new table to the role; another key is refused', async () => {
  const r = await sanadOut(['migrate'], appUrl, { DATABASE_OWNER_URL: ownerUrl, SANAD_SECRET_KEY: secretKey.key.toString('base64') });
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`the server connects as ${role}`);
  const other = await sanadOut(['migrate'], appUrl, { SANAD_SECRET_KEY: newSecretKey().key.toString('base64') });
  expect(other.code).toBe(1);
  expect(other.err).toMatch(/The change log is keyed with another secret key/);
});

test('the owner as the server (as before the split, or one URL given twice) still works, with a warning each start', async () => {
  const warned: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    warned.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    for (const opts of [{ databaseUrl: ownerUrl }, { databaseUrl: ownerUrl, ownerUrl }]) {
      const s = await openStore({ ...opts, secretKey });
      try {
        await appendLog(s.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
      } finally {
        await s.close();
      }
    }
  } finally {
    process.stderr.write = write;
  }
  expect(warned.filter((w) => w.includes('owns the tables (or is a superuser)'))).toHaveLength(2);
  const s = await openStore({ databaseUrl: appUrl, secretKey });
  try {
    await expect(s.pool.query('DELETE FROM change_log')).rejects.toThrow(/permission denied/);
  } finally {
    await s.close();
  }
});
