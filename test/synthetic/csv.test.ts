// The CSV writer: the exact columns, readable by a CSV parser, a truth column, quoting, and
// backpressure towards a slow consumer.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { PERSON_CSV_COLUMNS, personCsvLine, writePersonsCsv } from '../../src/synthetic/csv.ts';
import { generatePersons, type SyntheticPerson } from '../../src/synthetic/households.ts';
import { generateDedupeSet } from '../../src/synthetic/registries.ts';

test('writes the exact columns and one row per person, which a CSV parser reads back', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-syn-'));
  const file = path.join(dir, 'p.csv');
  const persons = [...generatePersons({ households: 300, seed: 2 })];
  const res = await writePersonsCsv(persons, file);
  const text = await fs.readFile(file, 'utf8');
  expect(res.rows).toBe(persons.length);
  expect(res.bytes).toBe(Buffer.byteLength(text));
  expect(text.split('\n')[0]).toBe(
    'record_id,given_name,father_name,grandfather_name,family_name,full_name,full_name_en,sex,date_of_birth,age,national_id,phone,governorate,household_id,relationship',
  );
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(persons.length);
  for (let i = 0; i < rows.length; i += 37) {
    const p = persons[i]!;
    const r = rows[i]!;
    expect(Object.keys(r)).toEqual([...PERSON_CSV_COLUMNS]);
    expect(r.record_id).toBe(p.recordId);
    expect(r.full_name).toBe(`${p.givenName} ${p.fatherName} ${p.grandfatherName} ${p.familyName}`);
    expect(r.date_of_birth).toBe(p.dateOfBirth ?? '');
    expect(r.age).toBe(p.dateOfBirth === undefined && p.age !== undefined ? String(p.age) : '');
    expect(r.national_id).toBe(p.nationalId ?? '');
  }
  await fs.rm(dir, { recursive: true });
});

test('adds the truth column named by the caller', async () => {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (chunks.push(c as Buffer), cb()) });
  await writePersonsCsv(generateDedupeSet({ records: 500, seed: 1 }), sink, { truthColumn: 'cluster' });
  const rows = parse(Buffer.concat(chunks).toString('utf8'), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(500);
  expect(rows.every((r) => /^C[0-9a-f]{8}$/.test(r.cluster!))).toBe(true);
});

test('quotes fields holding commas or quotes', () => {
  const p: SyntheticPerson = {
    recordId: 'X1',
    givenName: 'a,b',
    fatherName: 'say "hi"',
    grandfatherName: '',
    familyName: 'f',
    sex: 'male',
    governorate: 'PS0101',
    householdId: 'H1',
    relationship: 'head',
  };
  const [row] = parse(personCsvLine(p)) as string[][];
  expect(row!.slice(0, 6)).toEqual(['X1', 'a,b', 'say "hi"', '', 'f', 'a,b say "hi" f']);
});

test('waits for a slow consumer instead of buffering everything', async () => {
  let pending = 0;
  let maxPending = 0;
  let bytes = 0;
  const slow = new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _e, cb) {
      pending++;
      maxPending = Math.max(maxPending, this.writableLength);
      bytes += chunk.length;
      setTimeout(() => (pending--, cb()), 1);
    },
  });
  const res = await writePersonsCsv(generatePersons({ households: 20_000, seed: 8 }), slow);
  expect(res.bytes).toBe(bytes);
  expect(res.bytes).toBeGreaterThan(10 * (1 << 20));
  // Never more than about one buffer queued beyond the stream's own limit.
  expect(maxPending).toBeLessThan(3 << 20);
  expect(pending).toBe(0);
});

test('a file that cannot be written rejects instead of crashing', async () => {
  const file = path.join(os.tmpdir(), 'sanad-no-such-dir', 'x', 'p.csv');
  await expect(writePersonsCsv(generatePersons({ households: 3000, seed: 1 }), file)).rejects.toThrow(/ENOENT/);
});
