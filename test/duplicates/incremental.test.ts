// `sanad duplicates --incremental`: after a full run, only the persons registered since are
// compared (against everyone, with the run's model): a re-registration is linked to the person,
// a new brother is not, and the pairs compared are a small share of a full run's.
import { beforeAll, expect, test } from 'vitest';
import { findDuplicatesIncremental } from '../../src/store/duplicates/incremental.ts';
import { findDuplicates, type DedupeSummary } from '../../src/store/duplicates/run.ts';
import { preparePerson, type PersonRecord } from '../../src/registry/person.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateClanRegistry, type SyntheticRecord } from '../../src/synthetic/registries.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';
import { insertRecords } from './support.ts';

const t = useTestDb();
let user: TestUser;
let full: DedupeSummary;
let people: SyntheticRecord[];

const prepared = (p: SyntheticRecord): PersonRecord => {
  const r = preparePerson(personInputOf(p));
  if (!r.ok) throw new Error('not a valid person');
  return r.value;
};

beforeAll(async () => {
  user = await makeUser(t.db, { role: 'caseworker' });
  const all = [...generateClanRegistry({ persons: 1500, seed: 31, duplicateRate: 0.05 })];
  people = all.filter((p) => p.givenName && p.nationalId && p.dateOfBirth?.length === 10);
  const valid = all.flatMap((p) => {
    const r = preparePerson(personInputOf(p));
    return r.ok ? [r.value] : [];
  });
  await insertRecords(t.db.pool, user.orgId, valid);
  full = await findDuplicates(t.db.pool, user.actor);
}, 120_000);

test('a re-registration is linked to the person, a new brother is not, and few pairs are compared', async () => {
  const p = people[3]!;
  // the same person registered again: the ID, another governorate, the name spelt in another way
  const again = { ...p, recordId: 'INC-1', governorate: p.governorate === 'PS0260' ? 'PS0270' : 'PS0260', familyName: `ال${p.familyName}` };
  const brother = {
    ...p,
    recordId: 'INC-2',
    givenName: p.givenName === 'يوسف' ? 'إبراهيم' : 'يوسف',
    sex: 'male' as const,
    nationalId: undefined,
    dateOfBirth: `${Number(p.dateOfBirth!.slice(0, 4)) - 3}${p.dateOfBirth!.slice(4)}`,
  };
  const [againId, brotherId] = await insertRecords(t.db.pool, user.orgId, [prepared(again), prepared(brother)]);
  const original = (
    await t.db.pool.query<{ id: string }>('SELECT id FROM person WHERE org_id = $1 AND record_id = $2', [user.orgId, p.recordId])
  ).rows[0]!.id;

  const s = await findDuplicatesIncremental(t.db.pool, user.actor);
  expect(s.changed).toBe(2);
  expect(s.pairsCompared).toBeGreaterThan(0);
  expect(s.pairsCompared).toBeLessThan(full.pairsCompared / 20);
  const links = (
    await t.db.pool.query<{ a: string; b: string }>(
      'SELECT person_a AS a, person_b AS b FROM person_link WHERE undone_at IS NULL AND (person_a = ANY($1::uuid[]) OR person_b = ANY($1::uuid[]))',
      [[againId, brotherId]],
    )
  ).rows;
  expect(links).toEqual([{ a: [againId, original].sort()[0], b: [againId, original].sort()[1] }]);
  const brotherPairs = await t.db.pool.query('SELECT 1 FROM match_candidate WHERE person_a = $1 OR person_b = $1', [brotherId]);
  expect(brotherPairs.rows).toEqual([]);
  // a second incremental run right after has nothing new to compare
  const s2 = await findDuplicatesIncremental(t.db.pool, user.actor);
  expect(s2.changed).toBe(0);
  expect(s2.newCandidates).toBe(0);
}, 120_000);
