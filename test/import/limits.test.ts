// The importer's readers are bounded (src/shared/limits.ts importLimits): a hostile or broken file
// stops with an error naming the limit, never exhausts memory; quarantine keeps a bounded prefix of
// a rejected row; an import the file stops is marked failed, never left running; an XLSX file
// without cell references is read; a household file cannot grow a household past its limit.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ImportLimitError, ImportSetupError } from '../../src/importer/columns.ts';
import { importFile } from '../../src/importer/run.ts';
import { HOUSEHOLD_MAX_MEMBERS, importLimits } from '../../src/shared/limits.ts';
import { useTestDb } from '../support/testApp.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { xlsxOf } from './xlsxFile.ts';

const t = useTestDb();
const tmp = useTempDir();
const header = ['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'governorate'];

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(tmp.dir, name);
  await fs.writeFile(file, content);
  return file;
}

test('an XLSX file without cell references (r attributes) is read: cells take the next column', async () => {
  const actor = await makeActor(t.db.pool, { username: 'noref' });
  const rows = [header, ['N1', 'سامي', 'علي', 'عوض', 'male', 'PS0260'], ['N2', 'منى', 'عادل', 'حلس', 'female', 'PS0265']];
  const file = await write('noref.xlsx', xlsxOf(rows, { references: false }));
  const s = await importFile(t.db.pool, actor, { kind: 'persons', file, workers: 0 });
  expect(s).toMatchObject({ rows: 2, loaded: 2, rejected: 0 });
  const people = await t.db.pool.query("SELECT record_id, full_name, sex, governorate FROM person WHERE record_id LIKE 'N%' ORDER BY 1");
  expect(people.rows).toEqual([
    { record_id: 'N1', full_name: 'سامي علي عوض', sex: 'male', governorate: 'PS0260' },
    { record_id: 'N2', full_name: 'منى عادل حلس', sex: 'female', governorate: 'PS0265' },
  ]);
});

test('a shared string one character over the limit stops the import, naming the limit; a compressed giant one stops early', async () => {
  const actor = await makeActor(t.db.pool, { username: 'shared' });
  const over = 'ا'.repeat(importLimits.sharedStringChars + 1);
  const file = await write('shared.xlsx', xlsxOf([header, ['S1', over, 'علي', 'عوض', 'male', 'PS0260']], { shared: true }));
  const e = await importFile(t.db.pool, actor, { kind: 'persons', file, workers: 0 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ImportLimitError);
  expect((e as Error).message).toContain(`longer than ${importLimits.sharedStringChars} characters`);
  expect((e as Error).message).not.toContain('اااا');

  // 40 million characters pack into a small file; the reader stops at the limit, never building it
  const giant = xlsxOf([header, ['S2', 'a'.repeat(40_000_000), 'علي', 'عوض', 'male', 'PS0260']], { shared: true });
  expect(giant.length).toBeLessThan(200_000);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const g = await importFile(t.db.pool, actor, { kind: 'persons', file: await write('giant.xlsx', giant), workers: 0 }).catch(
    (x: unknown) => x,
  );
  expect(g).toBeInstanceOf(ImportLimitError);
  expect((g as Error).message).toContain(`longer than ${importLimits.sharedStringChars} characters`);
  expect(performance.now() - started).toBeLessThan(5000);
  expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  expect(await count(t.db.pool, "SELECT count(*) FROM person WHERE record_id LIKE 'S%'")).toBe(0);
});

test('a CSV cell over the cell limit, or a record over the row limit, stops the import naming the limit', async () => {
  const actor = await makeActor(t.db.pool, { username: 'csvlimits' });
  const cell = await write('cell.csv', csvOf([header, ['C1', 'ب'.repeat(importLimits.cellChars + 1), 'علي', 'عوض', 'male', 'PS0260']]));
  const e = await importFile(t.db.pool, actor, { kind: 'persons', file: cell, workers: 0 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ImportLimitError);
  expect((e as Error).message).toContain(`row 2 has a cell longer than ${importLimits.cellChars} characters`);
  // one unquoted line far longer than a row may be, without a line break
  const line = await write('line.csv', `${header.join(',')}\n${'x,'.repeat(3_000_000)}`);
  const l = await importFile(t.db.pool, actor, { kind: 'persons', file: line, workers: 0 }).catch((x: unknown) => x);
  expect(l).toBeInstanceOf(ImportLimitError);
  expect((l as Error).message).toMatch(/row 2 (is longer than|has more than)/);
});

test('quarantine keeps a bounded prefix of a rejected row, never the whole row', async () => {
  const actor = await makeActor(t.db.pool, { username: 'prefix' });
  const wide = [...header, 'note_a', 'note_b', 'note_c'];
  const filler = 'ج'.repeat(importLimits.cellChars - 1);
  const file = await write('wide.csv', csvOf([wide, ['W1', 'سامي', 'علي', 'عوض', 'unknown', 'PS0260', filler, filler, filler]]));
  const s = await importFile(t.db.pool, actor, { kind: 'persons', file, workers: 0 });
  expect(s).toMatchObject({ rows: 1, rejected: 1 });
  const q = await t.db.pool.query<{ raw: Record<string, string> }>(
    'SELECT q.raw FROM quarantine q JOIN import_run i ON i.id = q.import_id WHERE i.file_name = $1',
    ['wide.csv'],
  );
  const stored = Object.entries(q.rows[0]!.raw).reduce((n, [k, v]) => n + k.length + v.length, 0);
  expect(stored).toBeLessThanOrEqual(importLimits.quarantineRowChars);
  expect(q.rows[0]!.raw).toMatchObject({ record_id: 'W1', sex: 'unknown' });
});

test('an import the file stops after its first batches (syntax or a limit) is marked failed, not left running', async () => {
  const actor = await makeActor(t.db.pool, { username: 'fails' });
  // more than the reader's first megabyte of good rows, so the run has started when the bad part comes
  const good = Array.from({ length: 26_000 }, (_, i) => `F${i},سامي,علي,عوض,male,PS0260`).join('\n');
  for (const [name, tail, message] of [
    ['syntax.csv', 'F-bad,"سامي,علي,عوض,male,PS0260\n', /quoted field is not closed/],
    ['limit.csv', `F-long,${'د'.repeat(importLimits.cellChars + 1)},علي,عوض,male,PS0260\n`, /longer than 10000 characters/],
  ] as const) {
    const file = await write(name, `${header.join(',')}\n${good}\n${tail}`);
    const e = await importFile(t.db.pool, actor, { kind: 'persons', file, workers: 0, batchSize: 5000 }).catch((x: unknown) => x);
    expect(e, name).toBeInstanceOf(ImportSetupError);
    expect((e as Error).message).toMatch(message);
    const run = await t.db.pool.query('SELECT status, finished_at IS NOT NULL AS finished FROM import_run WHERE file_name = $1', [name]);
    expect(run.rows, name).toEqual([{ status: 'failed', finished: true }]);
    expect(await count(t.db.pool, "SELECT count(*) FROM change_log WHERE action = 'import_failed'")).toBeGreaterThan(0);
  }
}, 120_000);

test('a households file cannot make a household larger than the limit: the rows beyond it are rejected', async () => {
  const actor = await makeActor(t.db.pool, { username: 'big' });
  const hh = [...header, 'household_id', 'relationship'];
  const rows = [hh, ['B0', 'سامي', 'علي', 'عوض', 'male', 'PS0260', 'HH-BIG', 'head']];
  for (let i = 1; i <= HOUSEHOLD_MAX_MEMBERS; i++) rows.push([`B${i}`, 'علي', 'سامي', 'عوض', 'male', 'PS0260', 'HH-BIG', 'son']);
  const file = await write('big.csv', csvOf(rows));
  const s = await importFile(t.db.pool, actor, { kind: 'households', file, workers: 0 });
  expect(s).toMatchObject({ rows: HOUSEHOLD_MAX_MEMBERS + 1, loaded: HOUSEHOLD_MAX_MEMBERS, rejected: 1 });
  const q = await t.db.pool.query('SELECT row_number, errors FROM quarantine WHERE row_number = $1', [HOUSEHOLD_MAX_MEMBERS + 2]);
  expect(q.rows[0]?.errors).toEqual([{ field: 'household_id', reason: 'too_many_members', params: { max: HOUSEHOLD_MAX_MEMBERS } }]);
});
