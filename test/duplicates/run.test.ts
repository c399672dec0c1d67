// sanad dedupe over a small synthetic registry: finds the true duplicates, stores the model, links
// automatically only without conflicting evidence, and never overwrites a decision when run again.
import { beforeAll, expect, test } from 'vitest';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { findDuplicates, type DedupeSummary } from '../../src/store/duplicates/run.ts';
import { makeUser, type TestUser, TEST_SECRET_KEY } from '../support/factories.ts';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import { insertRecords, loadDedupeSet, prepared, type Loaded } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const validId = (first8: string) => first8 + String(nationalIdCheckDigit(first8));
// Twin brothers: same father, grandfather, family name, birth date, phone; different given names.
const twins = {
  fatherName: 'عبد الرحيم',
  grandfatherName: 'سليمان',
  familyName: 'العطار',
  sex: 'male',
  dateOfBirth: '2004-05-17',
  phone: '+970599123456',
  governorate: 'PS0260',
} as const;
const brothers = ['يوسف', 'يونس', 'أنس'].map((givenName) => prepared({ ...twins, givenName }));
// The same name, birth date and phone, but two different valid national IDs.
const marwan = {
  givenName: 'مروان',
  fatherName: 'طلال',
  grandfatherName: 'حسين',
  familyName: 'الشوا',
  sex: 'male',
  dateOfBirth: '1979-11-02',
  phone: '+970598765432',
  governorate: 'PS0260',
} as const;
const twoIds = [validId('40112233'), validId('40998877')].map((nationalId) => prepared({ ...marwan, nationalId }));
let brotherIds: string[];
let twoIdIds: string[];

const t = useTestDb();
let user: TestUser;
let data: Loaded;
let summary: DedupeSummary;

beforeAll(async () => {
  user = await makeUser(t.db, { role: 'caseworker' });
  data = await loadDedupeSet(t.db.pool, user.orgId, 3000);
  brotherIds = await insertRecords(t.db.pool, user.orgId, brothers);
  twoIdIds = await insertRecords(t.db.pool, user.orgId, twoIds);
  const stages = new Set<string>();
  summary = await findDuplicates(t.db.pool, user.actor, { onProgress: (s) => stages.add(s) });
  expect([...stages]).toEqual(['read', 'compare', 'store']);
}, 120_000);

type Row = { person_a: string; person_b: string; status: string; conflict: boolean };

test('finds the true duplicates: most true pairs are candidates, and the automatic links are nearly all right', async () => {
  const truePairs = new Set<string>();
  const byCluster = new Map<string, string[]>();
  for (const [id, c] of data.cluster) byCluster.set(c, [...(byCluster.get(c) ?? []), id]);
  for (const ids of byCluster.values())
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) truePairs.add([ids[i]!, ids[j]!].sort().join('|'));
  const rows = (await t.db.pool.query<Row>('SELECT person_a, person_b, status, conflict FROM match_candidate')).rows;
  expect(rows.length).toBe(summary.candidates);
  const found = rows.filter((r) => truePairs.has(`${r.person_a}|${r.person_b}`)).length;
  const auto = rows.filter((r) => r.status === 'auto_linked');
  const autoRight = auto.filter((r) => truePairs.has(`${r.person_a}|${r.person_b}`)).length;
  expect(found / truePairs.size).toBeGreaterThan(0.85);
  expect(auto.length).toBeGreaterThan(0);
  expect(autoRight / auto.length).toBeGreaterThan(0.95);
  expect(summary.persons).toBe(data.ids.length + brothers.length + twoIds.length);
  // every automatic link is an active person_link, logged with who ran it
  const links = (
    await t.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM person_link WHERE kind = 'auto' AND undone_at IS NULL AND created_by = $1",
      [user.id],
    )
  ).rows[0]!.n;
  expect(links).toBe(auto.length);
  const logged = (
    await t.db.pool.query<{ n: number }>(
      "SELECT coalesce(sum(jsonb_array_length(after->'links')), 0)::int AS n FROM change_log WHERE action = 'auto_link_batch' AND actor_id = $1",
      [user.id],
    )
  ).rows[0]!.n;
  expect(logged).toBe(auto.length);
  expect((await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).ok).toBe(true);
});

test('the model is stored as data with the thresholds', async () => {
  const m = (
    await t.db.pool.query('SELECT model, upper_threshold, lower_threshold, records FROM linkage_model WHERE id = $1', [summary.modelId])
  ).rows[0];
  expect(m.records).toBe(summary.persons);
  expect(m.upper_threshold).toBe(0.9);
  expect(m.model.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['given', 'family', 'dob', 'national_id']));
});

test('no automatic link carries conflicting evidence (different valid IDs, siblings)', async () => {
  const bad = await t.db.pool.query(
    `SELECT c.id FROM match_candidate c JOIN person x ON x.id = c.person_a JOIN person y ON y.id = c.person_b
     WHERE c.status = 'auto_linked' AND (c.conflict OR (x.national_id_valid AND y.national_id_valid AND x.national_id <> y.national_id))`,
  );
  expect(bad.rows).toEqual([]);
});

test('brothers and twins (same father, grandfather, family name; different given names) are neither linked nor sent to review', async () => {
  const r = await t.db.pool.query<Row>(
    'SELECT person_a, person_b, status, conflict FROM match_candidate WHERE person_a = ANY($1::uuid[]) AND person_b = ANY($1::uuid[])',
    [brotherIds],
  );
  // twins and brothers are relatives, not candidates: without the same ID they are not even reviewed
  expect(r.rows).toEqual([]);
  const links = await t.db.pool.query('SELECT 1 FROM person_link WHERE person_a = ANY($1::uuid[]) OR person_b = ANY($1::uuid[])', [
    brotherIds,
  ]);
  expect(links.rows).toEqual([]);
});

test('two different valid national IDs never link automatically, nor are shown as likely the same, however alike the rest', async () => {
  const [a, b] = [...twoIdIds].sort();
  const r = await t.db.pool.query<Row & { probability: number }>(
    'SELECT person_a, person_b, status, conflict, probability FROM match_candidate WHERE person_a = $1 AND person_b = $2',
    [a, b],
  );
  expect(r.rows).toHaveLength(1); // offered for review
  expect(r.rows[0]!.status).toBe('pending');
  expect(r.rows[0]!.conflict).toBe(true);
  expect(r.rows[0]!.probability).toBeLessThanOrEqual(0.5);
});

test('no pair with conflicting evidence or read as relatives is shown above 50%', async () => {
  const r = await t.db.pool.query("SELECT id FROM match_candidate WHERE (conflict OR relation <> 'none') AND probability > 0.5");
  expect(r.rows).toEqual([]);
});

test('a second run keeps every decision and adds nothing twice', async () => {
  await t.db.pool.query(
    "UPDATE match_candidate SET status = 'different' WHERE id = (SELECT id FROM match_candidate WHERE status = 'pending' ORDER BY id LIMIT 1)",
  );
  const before = (await t.db.pool.query("SELECT id, status FROM match_candidate WHERE status <> 'pending' ORDER BY id")).rows;
  const again = await findDuplicates(t.db.pool, user.actor);
  expect(again.newCandidates).toBe(0);
  expect(again.autoLinked).toBe(0);
  const after = (await t.db.pool.query("SELECT id, status FROM match_candidate WHERE status <> 'pending' ORDER BY id")).rows;
  expect(after).toEqual(before);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM linkage_model')).rows[0].n).toBe(2);
}, 120_000);
