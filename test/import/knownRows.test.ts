// A persons import meets record_ids the registry already holds: in an earlier batch of the same
// file, or from an earlier file, in the first batch or later ones. The first batch is COPYed
// without a look-up (optimistic); a conflict sends that batch through staging and turns the import
// to looking up every later batch. Every case must end with each record_id loaded exactly once
// and the counts right.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const header = ['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'governorate'];
const row = (id: string) => [id, 'محمد', 'أحمد', 'النجار', 'male', 'PS0260'];
const ids = (prefix: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

async function importIds(name: string, recordIds: string[], batchSize: number) {
  const actor = await makeActor(t.db.pool, { username: `u-${name}` });
  const file = path.join(tmp.dir, `${name}.csv`);
  await fs.writeFile(file, csvOf([header, ...recordIds.map(row)]));
  return importFile(t.db.pool, actor, { kind: 'persons', file, batchSize, workers: 0 });
}

const persons = (prefix: string) => count(t.db.pool, "SELECT count(*) FROM person WHERE record_id LIKE $1 || '%'", [prefix]);
const distinct = (prefix: string) =>
  count(t.db.pool, "SELECT count(DISTINCT record_id) FROM person WHERE record_id LIKE $1 || '%'", [prefix]);

test('a record_id repeated in a later batch of the same file is left unchanged', async () => {
  // Batches of 10: A0..A9 | A10..A14 + A3 + A15..A18 | A19, A5, A20
  const file = [...ids('A', 0, 10), ...ids('A', 10, 15), 'A3', ...ids('A', 15, 19), 'A19', 'A5', 'A20'];
  const s = await importIds('a', file, 10);
  expect(s).toMatchObject({ rows: 23, loaded: 21, unchanged: 2, rejected: 0, personsCreated: 21 });
  expect(await persons('A')).toBe(21);
  expect(await distinct('A')).toBe(21);
});

test('a second file with known rows in its first and its later batches loads only the new ones', async () => {
  await importIds('b1', ids('B', 0, 30), 10);
  // First batch all new, second batch half known, third batch all known, fourth all new.
  const file = [...ids('B', 100, 110), ...ids('B', 5, 10), ...ids('B', 110, 115), ...ids('B', 20, 30), ...ids('B', 115, 125)];
  const s = await importIds('b2', file, 10);
  expect(s).toMatchObject({ rows: 40, loaded: 25, unchanged: 15, rejected: 0 });
  expect(await persons('B')).toBe(55);
  expect(await distinct('B')).toBe(55);
});

test('a file whose first batch is all known rows', async () => {
  await importIds('c1', ids('C', 0, 10), 10);
  const s = await importIds('c2', [...ids('C', 0, 10), ...ids('C', 10, 20)], 10);
  expect(s).toMatchObject({ rows: 20, loaded: 10, unchanged: 10 });
  expect(await persons('C')).toBe(20);
  // The change log names exactly the persons created, batch by batch.
  const logged = await count(
    t.db.pool,
    "SELECT sum(jsonb_array_length(after->'personIds')) FROM change_log WHERE action = 'import_batch' AND operation_id = $1",
    [s.importId],
  );
  expect(logged).toBe(10);
});
