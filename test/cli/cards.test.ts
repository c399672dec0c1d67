// `sanad cards issue` and `sanad cards print` run the web app's code path: the command issues the
// missing cards of a cycle (the counts the API then gives), and prints the very sheet the API sends,
// byte for byte; a role that may not print is refused and no file is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { scenario } from '../support/aidScenario.ts';
import { sanadOut } from '../support/cli.ts';
import { TEST_SECRET_KEY } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-cards-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('issue and print from the command line: the same cards and the same sheet as the API', async () => {
  process.env.SANAD_SECRET_KEY = TEST_SECRET_KEY.key.toString('base64'); // the server's key, which sealed the card key
  const s = await scenario(t, { households: 24, cards: 3 });
  const url = `/api/v1/aid/cycles/${s.cycleId}/cards`;
  const before = (await t.get(s.officer, url)).json() as { entitled: number; withoutCard: number };
  expect(before.withoutCard).toBeGreaterThan(0);

  const issued = await sanadOut(['cards', 'issue', '--cycle', s.cycleId, '--user', s.officer.username, '--no-progress'], t.db.url);
  expect(issued.code, issued.err).toBe(0);
  expect(issued.out).toContain(`Issued ${before.withoutCard} cards.`);
  expect((await t.get(s.officer, url)).json()).toMatchObject({ withCard: before.entitled, withoutCard: 0 });

  const file = path.join(dir, 'cards.html');
  const printed = await sanadOut(['cards', 'print', '--cycle', s.cycleId, '--output', file, '--user', s.officer.username], t.db.url);
  expect(printed.code, printed.err).toBe(0);
  expect(printed.out).toContain(`Wrote ${before.entitled} cards to ${file}`);
  const api = await t.post(s.officer, `${url}/sheet`, { language: 'ar' });
  expect(fs.readFileSync(file, 'utf8')).toBe(api.body);
  expect((api.body.match(/<article class="card"/g) ?? []).length).toBe(before.entitled);

  const registrar = await t.user({ role: 'registration_officer', orgId: s.admin.orgId });
  const other = path.join(dir, 'refused.html');
  const refused = await sanadOut(['cards', 'print', '--cycle', s.cycleId, '--output', other, '--user', registrar.username], t.db.url);
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('cards print');
  expect(fs.existsSync(other)).toBe(false);
});
