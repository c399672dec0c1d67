// `sanad user token` on a real database: prints the token once; the change log records its name,
// by the system from the CLI (no user), never the token.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const run = promisify(execFile);
const t = useTestApp();

test('sanad user token: a working token for the user, logged by name', async () => {
  const bot = await t.user({ role: 'distribution_officer', governorates: ['PS0260'] });
  const { stdout } = await run(process.execPath, ['bin/sanad.js', 'user', 'token', '--username', bot.username, '--name', 'tablet 3'], {
    env: { ...process.env, DATABASE_URL: t.db.url },
  });
  const token = stdout.trim();
  expect(token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ userId: bot.id, role: 'distribution_officer' });
  const log = await t.db.pool.query(
    "SELECT actor_id, org_id, device_id, after FROM change_log WHERE entity_id = $1 AND action = 'token_create'",
    [bot.id],
  );
  expect(log.rows).toEqual([{ actor_id: null, org_id: bot.orgId, device_id: 'cli', after: { name: 'tablet 3', days: null } }]);
}, 60_000);
