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
import { migrate } from '../../src/store/migrate.ts';
import { loadPlaces } from '../../src/store/places.ts';

export const TEMPLATE = 'sanad_test_template';

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
  await admin.end();
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, TEMPLATE) });
  await migrate(pool);
  await loadPlaces(pool);
  await pool.end();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    await stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}
