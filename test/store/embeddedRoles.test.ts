// The embedded server's two roles: the cluster's `sanad` role owns the database and runs the
// migrations; the store's pool connects as `sanad_app`. A data directory made before the split (no
// application role, no DATA/pg-app-password) gets them at its next start.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { openStore } from '../../src/store/open.ts';
import { appendLog } from '../../src/store/write.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-roles-'));
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));
const secretKey = newSecretKey();
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };

test('the pool is sanad_app, not the owner; a directory without the role gets it at its next start', async () => {
  const s1 = await openStore({ dataDir: dir, durable: false, secretKey, databaseUrl: '' });
  try {
    expect((await s1.pool.query('SELECT current_user AS u')).rows[0].u).toBe('sanad_app');
    await appendLog(s1.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
    await expect(s1.pool.query('DELETE FROM change_log')).rejects.toThrow(/permission denied/);
    // as it was before the roles were split: no application role, no password file
    const owner = new URL(s1.url);
    owner.username = 'sanad';
    owner.password = (await fs.readFile(path.join(dir, 'pg-password'), 'utf8')).trim();
    const c = new pg.Client({ connectionString: owner.toString() });
    await c.connect();
    await c.query('DROP OWNED BY sanad_app');
    await c.query('DROP ROLE sanad_app');
    await c.end();
    await fs.rm(path.join(dir, 'pg-app-password'));
  } finally {
    await s1.close().catch(() => undefined);
  }
  const s2 = await openStore({ dataDir: dir, durable: false, secretKey, databaseUrl: '' });
  try {
    expect((await s2.pool.query('SELECT current_user AS u')).rows[0].u).toBe('sanad_app');
    expect((await fs.stat(path.join(dir, 'pg-app-password'))).mode & 0o777).toBe(0o600);
    await appendLog(s2.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
    await expect(s2.pool.query("UPDATE change_log SET action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(s2.pool.query('ALTER TABLE change_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    expect((await s2.pool.query('SELECT count(*)::int AS n FROM change_log')).rows[0].n).toBe(2);
  } finally {
    await s2.close();
  }
}, 120_000);
