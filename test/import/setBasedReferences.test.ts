// The households import's set-based reference checks (issue #14, docs/decisions/0032): the batch
// check refuses a reference to a row that does not exist, with the foreign-key code, and locks the
// rows it names as the row checks do; the import with it writes the same rows and marks the same
// household profiles as with row checks; and no insert trigger the window would skip goes unnoticed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { checkReferences, REPRODUCED_INSERT_TRIGGERS, setBasedChecksAllowed } from '../../src/importer/setBasedReferences.ts';
import { useTestDb } from '../support/testApp.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';

const t = useTestDb();
const tmp = useTempDir();

const header = ['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'governorate', 'household_id', 'relationship'];
const rows = (prefix: string): string[][] =>
  [0, 1, 2].flatMap((h) =>
    ['head', 'spouse', 'son', 'daughter'].map((rel, i) => [
      `${prefix}${h}-${i}`,
      ['خالد', 'منى', 'سامي', 'ريم'][i]!,
      'سعيد',
      'الشوا',
      i % 2 ? 'female' : 'male',
      h % 2 ? 'PS0260' : 'PS0130',
      `H${h}`,
      rel,
    ]),
  );

test('the owner may switch the row checks off (sanad import runs as the owner); the application role never may', async () => {
  const c = await t.db.owner.connect();
  const app = await t.db.pool.connect();
  try {
    expect(await setBasedChecksAllowed(c)).toBe(true);
    expect(await setBasedChecksAllowed(app)).toBe(false);
    await expect(app.query("SET session_replication_role = 'replica'")).rejects.toThrow(/permission denied/);
    process.env.SANAD_IMPORT_ROW_CHECKS = '1';
    expect(await setBasedChecksAllowed(c)).toBe(false);
  } finally {
    delete process.env.SANAD_IMPORT_ROW_CHECKS;
    c.release();
    app.release();
  }
});

test('the batch check refuses a person, household, governorate or organisation that does not exist, and locks those that do', async () => {
  const actor = await makeActor(t.db.pool, { org: 'Check org', username: 'checker' });
  const file = path.join(tmp.dir, 'check.csv');
  await fs.writeFile(file, csvOf([header, ...rows('C')]));
  await importFile(t.db.owner, actor, { kind: 'households', file, workers: 0 });
  const person = (await t.db.pool.query<{ id: string }>(`SELECT id FROM person WHERE record_id = 'C0-0'`)).rows[0]!.id;
  const household = (await t.db.pool.query<{ id: string }>('SELECT id FROM household WHERE org_id = $1 LIMIT 1', [actor.orgId])).rows[0]!
    .id;
  const missing = '01890000-0000-7000-8000-000000000000';
  const good = { orgId: actor.orgId, governorates: ['PS0130', 'PS0260'], persons: [person], households: [household] };
  const c = await t.db.pool.connect();
  const other = await t.db.pool.connect();
  try {
    for (const bad of [
      { persons: [person, missing] },
      { households: [missing] },
      { governorates: ['PS0130', 'PS9999'] },
      { orgId: missing },
    ]) {
      await c.query('BEGIN');
      await expect(checkReferences(c, { ...good, ...bad })).rejects.toMatchObject({ code: '23503' });
      await c.query('ROLLBACK');
    }
    await c.query('BEGIN');
    await checkReferences(c, good);
    // held FOR KEY SHARE until the batch commits: a delete (FOR UPDATE) of the person must wait
    await expect(other.query('SELECT 1 FROM person WHERE id = $1 FOR UPDATE NOWAIT', [person])).rejects.toMatchObject({ code: '55P03' });
    await expect(other.query('SELECT 1 FROM household WHERE id = $1 FOR UPDATE NOWAIT', [household])).rejects.toMatchObject({
      code: '55P03',
    });
    await c.query('COMMIT');
    expect((await other.query('SELECT 1 FROM person WHERE id = $1 FOR UPDATE NOWAIT', [person])).rowCount).toBe(1);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
    other.release();
  }
});

/** What an import left in its organisation: persons, households, memberships, profiles marked. */
async function written(orgId: string): Promise<number[]> {
  return [
    await count(t.db.pool, 'SELECT count(*) FROM person WHERE org_id = $1', [orgId]),
    await count(t.db.pool, 'SELECT count(*) FROM household WHERE org_id = $1', [orgId]),
    await count(t.db.pool, 'SELECT count(*) FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.org_id = $1', [
      orgId,
    ]),
    await count(t.db.pool, 'SELECT count(*) FROM household h JOIN household_profile_dirty d ON d.household_id = h.id WHERE h.org_id = $1', [
      orgId,
    ]),
  ];
}

test('the same file imported with set-based checks and with row checks writes the same rows and marks the same profiles', async () => {
  const file = path.join(tmp.dir, 'same.csv');
  // a household over two batches (batch size 5): the second part names a household already there
  await fs.writeFile(file, csvOf([header, ...rows('S')]));
  const a = await makeActor(t.db.pool, { org: 'Set-based org', username: 'setbased' });
  // as the owner: set-based; as the application role: row by row
  const sa = await importFile(t.db.owner, a, { kind: 'households', file, batchSize: 5, workers: 0 });
  const b = await makeActor(t.db.pool, { org: 'Row checks org', username: 'rowchecks' });
  const sb = await importFile(t.db.pool, b, { kind: 'households', file, batchSize: 5, workers: 0 });
  expect(sa).toMatchObject({ rows: 12, loaded: 12, rejected: 0, personsCreated: 12, householdsCreated: 3 });
  expect({ ...sb, importId: sa.importId, seconds: sa.seconds }).toEqual(sa);
  expect(await written(a.orgId)).toEqual([12, 3, 12, 3]);
  expect(await written(b.orgId)).toEqual(await written(a.orgId));
});

test('every user trigger on INSERT into person, household and household_member is one the set-based window reproduces', async () => {
  const r = await t.db.pool.query<{ tgname: string }>(
    `SELECT tgname FROM pg_trigger
     WHERE NOT tgisinternal AND tgrelid IN ('person'::regclass, 'household'::regclass, 'household_member'::regclass)
       AND tgtype & 4 <> 0 AND tgenabled <> 'A' ORDER BY tgname`,
  );
  expect(r.rows.map((x) => x.tgname)).toEqual([...REPRODUCED_INSERT_TRIGGERS].sort());
  expect(
    await count(
      t.db.pool,
      `SELECT count(*) FROM pg_rewrite WHERE ev_class IN ('person'::regclass, 'household'::regclass, 'household_member'::regclass)`,
    ),
  ).toBe(0);
});
