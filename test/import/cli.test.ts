// The import, quarantine and export commands end to end through `sanad` (a child process).
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { csvOf, makeActor, useTempDir } from './support.ts';
import { sanad as runSanad } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const sanad = (args: string[]) => runSanad(args, t.db.url);

test('sanad import persons, quarantine list and export persons', { timeout: 120_000 }, async () => {
  await makeActor(t.db.pool, { username: 'officer' });
  const file = path.join(tmp.dir, 'people.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'phone', 'governorate'],
      ['K1', 'وائل', 'الدحدوح', '0599111222', 'PS0260'],
      ['K2', 'مريم', 'عابد', '12', 'PS0260'],
    ]),
  );
  const report = path.join(tmp.dir, 'report.csv');
  const r = await sanad(['import', 'persons', file, '--user', 'officer', '--report', report]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/loaded:\s+1\n/);
  expect(r.stdout).toMatch(/rejected:\s+1 {2}\(report: .*report\.csv/);
  expect(r.stdout).toMatch(/unverified IDs:\s+0/);
  expect(await fs.readFile(report, 'utf8')).toBe('row_number,field,reason\n3,phone,"must start with +970, +972 or a local 0"\n');
  // Nothing personal on the terminal.
  expect(r.stdout + r.stderr).not.toMatch(/وائل|مريم|0599/);

  const again = await sanad(['import', 'persons', file, '--user', 'officer', '--report', report]);
  expect(again.stdout).toContain('already imported');

  const list = await sanad(['import', 'quarantine', 'list', '--user', 'officer']);
  expect(list.code, list.stderr).toBe(0);
  expect(list.stdout).toMatch(/people\.csv row 3: phone must start with/);
  expect(list.stdout).not.toMatch(/مريم/);

  const exp = await sanad(['export', 'persons', '--output', '-', '--user', 'officer']);
  expect(exp.code, exp.stderr).toBe(0);
  const lines = exp.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^record_id,given_name,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^K1,وائل,/);

  const bad = await sanad(['import', 'persons', path.join(tmp.dir, 'missing.csv'), '--user', 'officer']);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('Cannot read');
});

test('sanad import persons with several files imports each in turn as one load; --report is for one file only', {
  timeout: 120_000,
}, async () => {
  await makeActor(t.db.pool, { username: 'several' });
  const files = [path.join(tmp.dir, 'part-a.csv'), path.join(tmp.dir, 'part-b.csv')];
  await fs.writeFile(
    files[0]!,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'governorate'],
      ['S1', 'سلمى', 'حمدان', 'PS0260'],
    ]),
  );
  await fs.writeFile(
    files[1]!,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'governorate'],
      ['S2', 'ريم', 'حمدان', 'PS0260'],
    ]),
  );
  const refused = await sanad(['import', 'persons', ...files, '--user', 'several', '--report', path.join(tmp.dir, 'r.csv')]);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('--report names the report of a single file');
  const r = await sanad(['import', 'persons', ...files, '--user', 'several']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/file 1 of 2:\n[\s\S]*loaded:\s+1\n[\s\S]*file 2 of 2:\n[\s\S]*loaded:\s+1\n/);
  expect((await t.db.pool.query("SELECT count(*)::int AS n FROM person WHERE record_id IN ('S1', 'S2')")).rows[0].n).toBe(2);
});
