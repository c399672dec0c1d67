// Test helpers for imports: an organisation and a user in a fresh database, small CSV files.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import type { Role } from '../../src/access/roles.ts';
import { governorateCodes } from '../../src/places/governorates.ts';

export async function makeActor(
  pool: pg.Pool,
  opts: { username?: string; role?: Role; governorates?: readonly string[]; org?: string } = {},
): Promise<Actor & { username: string }> {
  const orgName = opts.org ?? 'Test organisation';
  await pool.query('INSERT INTO organisation (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [orgName]);
  const orgId = (await pool.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [orgName])).rows[0]!.id;
  const username = opts.username ?? 'importer';
  const role = opts.role ?? 'registration_officer';
  const governorates = [...(opts.governorates ?? governorateCodes)];
  const r = await pool.query<{ id: string }>(
    'INSERT INTO app_user (org_id, username, role, governorates) VALUES ($1,$2,$3,$4) RETURNING id',
    [orgId, username, role, governorates],
  );
  return { userId: r.rows[0]!.id, orgId, role, governorates, deviceId: 'test', username };
}

export async function tempDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-import-test-'));
  await fs.chmod(d, 0o711);
  return d;
}

export const csvOf = (rows: string[][]): string =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`;

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT (${sql})::int AS n`, params)).rows[0]!.n;
}

/** Registers beforeAll/afterAll for a temporary directory of this file (removed afterwards). */
export function useTempDir(): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      if (!dir) throw new Error('useTempDir(): use it inside tests, after beforeAll');
      return dir;
    },
  };
}

/** Row counts of the given tables, by table name (equal before and after: nothing was written). */
export async function tableCounts(pool: pg.Pool, ...tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await count(pool, `SELECT count(*) FROM ${table}`);
  return out;
}
