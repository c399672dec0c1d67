// The incremental run on the blocks a full run kept (migration 0053) against the incremental run
// that reads and prepares the whole registry: the same pairs in the same order, the same weights and
// decisions, after new registrations (re-registrations with field errors, relatives in clans),
// persons edited and one deleted; in a narrower scope; with a small cap per block, so that blocks
// are cut; over a second run that finds persons the first one added. Without kept blocks (a model
// saved before them) the run reads the whole registry as before.
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import type { ChangedPairs } from '../../src/linkage/incrementalDedupe.ts';
import { REGISTRY_SETTINGS } from '../../src/linkage/registryDedupe.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { preparePerson, type PersonRecord } from '../../src/registry/person.ts';
import { compareChanged, findDuplicatesIncremental } from '../../src/store/duplicates/incremental.ts';
import { latestModel } from '../../src/store/duplicates/model.ts';
import { findDuplicates, pairsOf } from '../../src/store/duplicates/run.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateClanRegistry, type SyntheticRecord } from '../../src/synthetic/registries.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';
import { insertRecords } from './support.ts';

const t = useTestDb();
let user: TestUser;
let all: SyntheticRecord[];
const settings = resolveSettings(REGISTRY_SETTINGS);

const prepared = (list: SyntheticRecord[]): PersonRecord[] =>
  list.flatMap((p) => {
    const r = preparePerson(personInputOf(p));
    return r.ok ? [r.value] : [];
  });

/** A run's candidate pairs in order (person ids), and its stored pairs with weights and decisions. */
function outcome(r: ChangedPairs) {
  const ids = r.dataset.ids;
  const candidates = Array.from(r.a, (a, k) => `${ids[a]}|${ids[r.b[k]!]}`);
  const pairs = pairsOf(r).map((p) => `${p.a}|${p.b}|${p.weight}|${p.auto}|${p.conflict}|${p.relation}|${p.explanation}`);
  const decisions = Array.from(r.decision).join('');
  return { candidates, pairs, decisions, weights: Array.from(r.weight) };
}

async function bothWays(actor: Actor, cap?: number) {
  const last = (await latestModel(t.db.pool, actor.orgId))!;
  const kept = await compareChanged(t.db.pool, actor, settings, last, cap === undefined ? {} : { cap });
  const memory = await compareChanged(t.db.pool, actor, settings, last, { how: 'memory', ...(cap === undefined ? {} : { cap }) });
  return { kept, memory, a: outcome(kept.result), b: outcome(memory.result) };
}

beforeAll(async () => {
  user = await makeUser(t.db, { role: 'caseworker' });
  all = [...generateClanRegistry({ persons: 3000, seed: 53, duplicateRate: 0.1 })];
  await insertRecords(t.db.pool, user.orgId, prepared(all.slice(0, 2400)));
  await findDuplicates(t.db.pool, user.actor);
  // new registrations: the rest of the clans (relatives, and persons registered twice), and
  // persons of the first part registered again with field errors
  const again = all
    .slice(0, 2400)
    .filter((p) => p.givenName && p.familyName && p.dateOfBirth?.length === 10)
    .slice(0, 40)
    .map((p, k) => ({
      ...p,
      recordId: `AGAIN-${k}`,
      familyName: k % 2 ? `ال${p.familyName}` : p.familyName,
      governorate: k % 3 ? p.governorate : p.governorate === 'PS0260' ? 'PS0270' : 'PS0260',
      nationalId: k % 4 ? p.nationalId : undefined,
    }));
  await insertRecords(t.db.pool, user.orgId, prepared([...all.slice(2400), ...again]));
  // persons edited since the run (their kept keys are stale now; one's name)
  const old = await t.db.pool.query<{ id: string }>(
    "SELECT id FROM person WHERE org_id = $1 AND record_id NOT LIKE 'AGAIN-%' ORDER BY record_id LIMIT 30",
    [user.orgId],
  );
  const ids = old.rows.map((r) => r.id);
  await t.db.pool.query(
    `UPDATE person SET date_of_birth = date_of_birth + 1, updated_at = now() WHERE id = ANY($1::uuid[]) AND date_of_birth IS NOT NULL`,
    [ids.slice(0, 10)],
  );
  await t.db.pool.query(`UPDATE person SET phone = NULL, national_id = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`, [
    ids.slice(10, 20),
  ]);
  await t.db.pool.query(`UPDATE person SET governorate = 'PS0105', updated_at = now() WHERE id = ANY($1::uuid[])`, [ids.slice(20, 25)]);
  await t.db.pool.query(`UPDATE person SET given_name = father_name, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids.slice(25, 27)]);
}, 180_000);

test('the kept blocks give the same pairs, weights and decisions as reading the whole registry', async () => {
  const { kept, memory, a, b } = await bothWays(user.actor);
  expect(kept.kept).toBeDefined();
  expect(memory.kept).toBeUndefined();
  expect(kept.changed).toEqual(memory.changed);
  expect(kept.changed.size).toBeGreaterThan(600);
  expect(kept.persons).toBe(memory.persons);
  expect(a.candidates.length).toBeGreaterThan(300);
  expect(a.candidates).toEqual(b.candidates);
  expect(a.weights).toEqual(b.weights);
  expect(a.decisions).toEqual(b.decisions);
  expect(a.pairs).toEqual(b.pairs);
  // the registrations include people registered twice (links) and relatives (not candidates)
  expect(a.decisions).toContain('2');
  expect(a.decisions).toContain('0');
  // the kept run read a share of the registry only, most of it as the full run prepared it
  expect(kept.result.dataset.n).toBeLessThan(memory.result.dataset.n);
  const tm = kept.kept!.add.timings;
  // (every member not changed since the full run: here the only run before)
  expect(tm.prepared).toBeGreaterThan(300);
  expect(tm.prepared).toBe(tm.persons! - kept.changed.size);
  // none gone (counted): the members' ids were not probed
  expect(tm.probed).toBe(0);
}, 120_000);

// a cap of one: with time-ordered ids a cap of two still admitted 89% of the pairs on this registry
test('with a small cap per block the cut blocks are the same', async () => {
  const whole = await bothWays(user.actor);
  const { a, b } = await bothWays(user.actor, 1);
  // many blocks were cut
  expect(a.candidates.length).toBeGreaterThan(100);
  expect(a.candidates.length).toBeLessThan(whole.a.candidates.length * 0.8);
  expect(a.candidates).toEqual(b.candidates);
  expect(a.weights).toEqual(b.weights);
  expect(a.pairs).toEqual(b.pairs);
}, 120_000);

test("in another scope the run reads the whole scope, as before (the kept counts are of the full run's scope)", async () => {
  const top = await t.db.pool.query<{ g: string }>(
    'SELECT governorate AS g FROM person WHERE org_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 2',
    [user.orgId],
  );
  const narrow: Actor = { ...user.actor, governorates: [...top.rows.map((r) => r.g), 'PS0105'] };
  const { kept, a, b } = await bothWays(narrow);
  expect(kept.kept).toBeUndefined();
  expect(a.candidates.length).toBeGreaterThan(0);
  expect(a.pairs).toEqual(b.pairs);
  // the organisation's own scope still has its kept blocks
  expect((await bothWays(user.actor)).kept.kept).toBeDefined();
}, 120_000);

test('a second incremental run finds the persons the first one added', async () => {
  const first = await findDuplicatesIncremental(t.db.pool, user.actor);
  expect(first.keptBlocks).toBe(true);
  expect(first.autoLinked).toBeGreaterThan(0);
  // a person of the first incremental run registered again
  const added = all.slice(2400).filter((p) => p.givenName && p.nationalId && p.dateOfBirth?.length === 10);
  const again = added.slice(0, 15).map((p, k) => ({ ...p, recordId: `TWICE-${k}`, phone: undefined }));
  await insertRecords(t.db.pool, user.orgId, prepared(again));
  const { kept, a, b } = await bothWays(user.actor);
  expect(kept.kept).toBeDefined();
  expect(kept.kept!.add.timings.prepared).toBeGreaterThan(0);
  // persons edited since the full run are among its rows (counted so): none gone, no probe
  expect(kept.kept!.add.timings.probed).toBe(0);
  expect(a.candidates).toEqual(b.candidates);
  expect(a.pairs).toEqual(b.pairs);
  expect(a.decisions.split('').filter((d) => d === '2').length).toBeGreaterThanOrEqual(10);
}, 180_000);

/** Deletes person `id` (and the pairs and links naming it). */
async function deletePerson(id: string): Promise<void> {
  await t.db.pool.query('DELETE FROM person_link WHERE person_a = $1 OR person_b = $1', [id]);
  await t.db.pool.query('DELETE FROM match_candidate WHERE person_a = $1 OR person_b = $1', [id]);
  await t.db.pool.query('DELETE FROM person WHERE id = $1', [id]);
}

/**
 * The first member of a candidate pair (not a changed person) that the full run read and that is
 * unchanged since (`kept`: a kept row taken as prepared), or that was registered after it (an
 * incremental run added it: no kept row).
 */
async function memberOf(r: Awaited<ReturnType<typeof bothWays>>, kept: boolean): Promise<string | undefined> {
  const since = r.kept.kept!.set.since;
  const ids = [...new Set(r.a.candidates.flatMap((c) => c.split('|')))].filter((id) => !r.kept.changed.has(id));
  const q = await t.db.pool.query<{ id: string }>(
    `SELECT id::text FROM person WHERE id = ANY($1::uuid[])
       AND ${kept ? 'created_at < $2::timestamptz AND updated_at < $2::timestamptz' : 'created_at >= $2::timestamptz'}`,
    [ids, since],
  );
  const found = new Set(q.rows.map((x) => x.id));
  return ids.find((id) => found.has(id));
}

// The count tells whether a kept row's person is gone: the members' ids are probed exactly then.
// A person registered after the full run has no kept row: it is read by id (and not found), its
// deletion leaves the count as it was and needs no probe. (Only the candidates are compared: the
// kept name counts still count a person deleted, the run reading everyone does not; Sanad deletes
// nobody.)
test('a person gone since the run is skipped', async () => {
  const before = await bothWays(user.actor);
  const added = await memberOf(before, false);
  const unchanged = await memberOf(before, true);
  expect(added).toBeDefined();
  expect(unchanged).toBeDefined();
  await deletePerson(added!);
  const first = await bothWays(user.actor);
  expect(first.a.candidates.some((c) => c.includes(added!))).toBe(false);
  expect(first.a.candidates).toEqual(first.b.candidates);
  expect(first.kept.kept!.add.timings.probed).toBe(0);
  // a kept row's person gone: the count differs, every member taken as prepared is probed
  await deletePerson(unchanged!);
  const after = await bothWays(user.actor);
  expect(after.kept.kept).toBeDefined();
  expect(after.a.candidates.some((c) => c.includes(unchanged!))).toBe(false);
  expect(after.a.candidates).toEqual(after.b.candidates);
  const tm = after.kept.kept!.add.timings;
  expect(tm.probed).toBeGreaterThan(0);
  // (the probed rows are the prepared ones and the one found gone)
  expect(tm.probed).toBe(tm.prepared! + 1);
}, 120_000);

test('without kept blocks (a model saved before them) the run reads the whole registry', async () => {
  const before = await bothWays(user.actor);
  await t.db.pool.query('DELETE FROM linkage_block_set WHERE org_id = $1', [user.orgId]);
  const fallback = await bothWays(user.actor);
  expect(fallback.kept.kept).toBeUndefined();
  expect(fallback.a.pairs).toEqual(before.b.pairs);
  const second = await findDuplicatesIncremental(t.db.pool, user.actor);
  expect(second.keptBlocks).toBe(false);
  expect(second.changed).toBe(15);
  expect(second.autoLinked).toBeGreaterThanOrEqual(10);
  // the run that read everyone kept their blocks: the next one uses them
  expect(second.keptBlocksSeconds).toBeGreaterThan(0);
  const p = all.slice(2400).find((x) => x.givenName && x.nationalId && x.dateOfBirth?.length === 10 && x.recordId !== undefined)!;
  await insertRecords(t.db.pool, user.orgId, prepared([{ ...p, recordId: 'THIRD-1', phone: undefined }]));
  const next = await bothWays(user.actor);
  expect(next.kept.kept).toBeDefined();
  expect(next.a.pairs).toEqual(next.b.pairs);
  expect(next.a.pairs.length).toBeGreaterThan(0);
}, 180_000);
