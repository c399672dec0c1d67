// `sanad dedupe --user U`: runs over the user's registry and prints a summary.
import { beforeAll, expect, test } from 'vitest';
import { makeUser, type TestUser } from '../support/factories.ts';
import { loadDedupeSet } from './support.ts';
import { sanadOut } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
let user: TestUser;
beforeAll(async () => {
  user = await makeUser(t.db, { role: 'caseworker' });
  await loadDedupeSet(t.db.pool, user.orgId, 600, 21);
}, 60_000);

const sanad = (args: string[]) => sanadOut(args, t.db.url);

test('sanad dedupe stores the model and the candidates and prints a summary', async () => {
  const r = await sanad(['dedupe', '--user', user.username, '--no-progress']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(
    /^Deduplicated \d{3} persons in [0-9.]+ s: [0-9,]+ pairs compared, [0-9,]+ likely duplicates \([0-9,]+ new\), [0-9,]+ linked automatically/,
  );
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM linkage_model')).rows[0].n).toBe(1);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM match_candidate')).rows[0].n).toBeGreaterThan(0);
}, 120_000);

test('an unknown user is refused with what to do', async () => {
  const r = await sanad(['dedupe', '--user', 'nobody-here']);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/No active user named 'nobody-here'/);
}, 60_000);
