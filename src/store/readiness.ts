// Whether this database is ready for this server (GET /readyz): it answers, and every migration
// this version of Sanad ships is applied (a load balancer then sends it traffic).
import fs from 'node:fs/promises';
import type pg from 'pg';
import { errors } from '../errors.ts';
import { databaseAnswers, isUnavailable } from './health.ts';
import { migrationsDir } from './migrate.ts';

let shipped: Promise<string[]> | undefined;
/** The migrations of this version (read once: they do not change under a running server). */
const shippedMigrations = () => {
  shipped ??= fs.readdir(migrationsDir).then((files) => files.filter((f) => f.endsWith('.sql')).sort());
  return shipped;
};

/** The migrations this version ships that the database has not applied. */
export async function pendingMigrations(pool: pg.Pool): Promise<string[]> {
  const names = await shippedMigrations();
  const r = await pool.query<{ name: string }>(
    `SELECT s.name FROM unnest($1::text[]) AS s(name)
      WHERE NOT EXISTS (SELECT 1 FROM schema_migration m WHERE m.name = s.name)`,
    [names],
  );
  return r.rows.map((x) => x.name);
}

/** Ready, or 503: database_unavailable (it does not answer) or migrations_pending. */
export async function databaseReady(pool: pg.Pool, lost?: string): Promise<void> {
  await databaseAnswers(pool, lost);
  let pending: string[];
  try {
    pending = await pendingMigrations(pool);
  } catch (e) {
    throw isUnavailable(e) ? errors.databaseUnavailable() : e;
  }
  if (pending.length > 0) throw errors.migrationsPending();
}
