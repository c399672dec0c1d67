// One PostgreSQL server for the whole test run: the embedded one in a temporary directory
// (throwaway, so fsync is off), or the server in DATABASE_URL (then tests run on that database
// server: the same tests on every PostgreSQL). A migrated template database is made once;
// each test file clones it (see db.ts), so tests are isolated and fast.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, withDatabase } from '../../src/store/embedded.ts';
import { randomBytes } from 'node:crypto';
import { chainKeyOf, chainKeyOption } from '../../src/access/chainKey.ts';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { prepareDatabase } from '../../src/store/open.ts';
import { ensureLoginRole } from '../../src/store/roles.ts';

export const TEMPLATE = 'sanad_test_template';
/** The tests connect as a role that owns nothing, as the server does (src/store/roles.ts). */
export const APP_ROLE = 'sanad_test_app';

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  let dir: string | undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-test-'));
    const server = await startEmbedded({ dataDir: dir, durable: false });
    adminUrl = server.url;
    stop = server.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const password = randomBytes(18).toString('base64url');
  await ensureLoginRole(admin, APP_ROLE, password);
  await admin.end();
  // One secret key for the run: the template's change log is keyed with it, and every test connects with it.
  const secret = newSecretKey();
  const chain = chainKeyOf(secret);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, TEMPLATE), options: chainKeyOption(chain) });
  await prepareDatabase(pool, { appRole: APP_ROLE, chain, quiet: true });
  await pool.end();
  const appUrl = new URL(adminUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = password;
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgAppUrl', appUrl.toString());
  project.provide('pgTemplate', TEMPLATE);
  project.provide('secretKey', secret.key.toString('base64'));
  return async () => {
    await stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** The same server as the application's role (owns nothing; src/store/roles.ts). */
    pgAppUrl: string;
    pgTemplate: string;
    /** The run's secret key (base64): SANAD_SECRET_KEY of the commands the tests start. */
    secretKey: string;
  }
}
