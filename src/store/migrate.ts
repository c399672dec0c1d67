// Forward-only SQL migrations from ./migrations, applied in name order, each in its own transaction.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    // One migrator at a time, across processes.
    await client.query('SELECT pg_advisory_lock(727001)');
    // Only when missing: CREATE ... IF NOT EXISTS needs the right to create, which the application's role lacks.
    if ((await client.query("SELECT to_regclass('schema_migration') IS NULL AS missing")).rows[0]?.missing)
      await client.query('CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migration')).rows.map((r) => r.name));
    const files = (await fs.readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await fs.readFile(path.join(migrationsDir, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(
          `Migration ${file} failed: ${(e as Error).message}${/permission denied|must be owner/.test((e as Error).message) ? ' (migrations run as the owner of the database: DATABASE_OWNER_URL, docs/DATABASE.md)' : ''}`,
        );
      }
      applied.push(file);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    client.release();
  }
  return applied;
}
