// Time-ordered ids (issue #14, docs/decisions/0029-time-ordered-ids.md): the ids an import makes in
// Node and the database's defaults for person, household and household_member are UUID version 7,
// their first 48 bits the time of creation in milliseconds, so each new row's id sorts after the
// older ones (inserts at the right edge of the indexes). The UI's short reference is the random tail.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { shortRef } from '../../src/shared/ids.ts';
import { timeOrderedIds } from '../../src/store/timeOrderedIds.ts';
import { useTestDb } from '../support/testApp.ts';
import { csvOf, makeActor, useTempDir } from './support.ts';

const t = useTestDb();
const tmp = useTempDir();

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The Unix time in milliseconds a version 7 id carries. */
const msOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
const ascending = (ids: readonly string[]) => ids.every((x, i) => i === 0 || ids[i - 1]! < x);

test('a batch of ids is version 7, unique, ascending, stamped with now, and after every earlier batch', () => {
  const before = Date.now();
  const a = timeOrderedIds(5000);
  const b = timeOrderedIds(5000);
  const after = Date.now();
  for (const id of [...a, ...b]) expect(id).toMatch(V7);
  expect(new Set([...a, ...b]).size).toBe(10_000);
  expect(ascending([...a, ...b])).toBe(true);
  expect(msOf(a[0]!)).toBeGreaterThanOrEqual(before);
  expect(msOf(b[0]!)).toBeLessThanOrEqual(after + 1);
  expect(timeOrderedIds(0)).toEqual([]);
  // the short reference shown in the UI is the random tail, not the time
  expect(new Set(a.map(shortRef)).size).toBeGreaterThan(4990);
  expect(new Set(a.map((x) => x.slice(0, 8))).size).toBe(1);
});

test("an import's persons, households and memberships, and rows made by the database's defaults, get time-ordered ids", async () => {
  const actor = await makeActor(t.db.pool);
  const header = ['record_id', 'given_name', 'family_name', 'sex', 'governorate', 'household_id', 'relationship'];
  const rows = [0, 1, 2, 3].flatMap((h) =>
    [0, 1, 2].map((i) => [`T${h}-${i}`, 'سامي', 'الشوا', 'male', 'PS0260', `TH${h}`, i === 0 ? 'head' : 'son']),
  );
  const file = path.join(tmp.dir, 'ids.csv');
  await fs.writeFile(file, csvOf([header, ...rows]));
  const started = Date.now();
  const s = await importFile(t.db.pool, actor, { kind: 'households', file, batchSize: 6, workers: 0 });
  expect(s).toMatchObject({ personsCreated: 12, householdsCreated: 4, loaded: 12, rejected: 0 });

  const ids = async (sql: string) => (await t.db.pool.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const persons = await ids("SELECT id FROM person WHERE record_id LIKE 'T%' ORDER BY record_id");
  const households = await ids("SELECT id FROM household WHERE record_id LIKE 'TH%' ORDER BY record_id");
  const members = await ids('SELECT m.id FROM household_member m JOIN person p ON p.id = m.person_id ORDER BY p.record_id');
  for (const id of [...persons, ...households, ...members]) {
    expect(id).toMatch(V7);
    expect(msOf(id)).toBeGreaterThanOrEqual(started);
  }
  // two batches of 6 rows: in record_id order within and across batches
  expect(ascending(persons)).toBe(true);
  expect(ascending(households)).toBe(true);
  expect(ascending(members)).toBe(true);

  // a row made one at a time (the registration form's way) takes the database's default: after the import's
  const made = await t.db.pool.query<{ id: string; created_ms: string }>(
    `INSERT INTO person (org_id, full_name, name_key) VALUES ($1, 'سامي الشوا', 'سامي الشوا')
     RETURNING id, (extract(epoch FROM created_at) * 1000)::bigint::text AS created_ms`,
    [actor.orgId],
  );
  const p = made.rows[0]!;
  expect(p.id).toMatch(V7);
  expect(p.id > persons.at(-1)!).toBe(true);
  expect(Math.abs(msOf(p.id) - Number(p.created_ms))).toBeLessThan(5000);
  const hh = await ids(`INSERT INTO household (org_id) VALUES ('${actor.orgId}') RETURNING id`);
  expect(hh[0]).toMatch(V7);
  expect(hh[0]! > households.at(-1)!).toBe(true);
});
