// POST /api/v1/duplicates/:id/decision: same person links the two records (both kept), logged with
// who decided; idempotent; a link that would chain a conflicting pair is refused.
import { beforeAll, expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import { identityOf } from '../../src/store/duplicates/identity.ts';
import type { TestUser } from '../support/factories.ts';
import { insertCandidate, insertRecords, prepared } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let cw: TestUser;
const validId = (first8: string) => first8 + String(nationalIdCheckDigit(first8));
const base = {
  fatherName: 'خالد',
  grandfatherName: 'محمود',
  familyName: 'النجار',
  sex: 'male' as const,
  dateOfBirth: '1985-04-03',
  governorate: 'PS0260',
};

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
});

const decide = (id: string, decision: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${id}/decision`, headers: { ...cw.auth, ...headers }, payload: { decision } });

test('same person: the two records are linked into one identity, both kept, and the decision is logged with who decided', async () => {
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'سامي', ...base }),
    prepared({ givenName: 'سامى', ...base }),
  ]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, a!, b!);
  const res = await decide(cid, 'same');
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body).toMatchObject({ id: cid, status: 'same', linked: true, decidedBy: cw.id });
  expect([body.a.id, body.b.id].sort()).toEqual([a, b].sort());
  expect((await identityOf(t.db.pool, a!)).sort()).toEqual([a, b].sort());
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM person WHERE id = ANY($1::uuid[])', [[a, b]])).rows[0].n).toBe(2);
  const log = await t.db.pool.query(
    "SELECT actor_id, before, after FROM change_log WHERE entity = 'match_candidate' AND entity_id = $1 AND action = 'decide'",
    [cid],
  );
  expect(log.rows).toHaveLength(1);
  expect(log.rows[0].actor_id).toBe(cw.id);
  expect(log.rows[0].before.status).toBe('pending');
  expect(log.rows[0].after).toMatchObject({ status: 'same', decidedBy: cw.id });
  // deciding again is refused: undo first
  expect((await decide(cid, 'different')).statusCode).toBe(409);
});

test('the decision is idempotent with an Idempotency-Key: a replay changes nothing', async () => {
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'رامي', ...base }),
    prepared({ givenName: 'رامى', ...base }),
  ]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, a!, b!);
  const key = { 'idempotency-key': '5b0e4a3c-1f2d-4e5f-8a9b-0c1d2e3f4a5b' };
  const first = await decide(cid, 'unsure', key);
  const again = await decide(cid, 'unsure', key);
  expect(first.statusCode).toBe(200);
  expect(again.statusCode).toBe(200);
  expect(again.headers['idempotent-replay']).toBe('true');
  expect(again.json()).toEqual(first.json());
  const n = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE entity_id = $1 AND action = 'decide'", [cid]);
  expect(n.rows[0].n).toBe(1);
  // unsure can still be decided later
  expect((await decide(cid, 'different')).json().status).toBe('different');
});

test('a merge that would chain two records with different valid national IDs is refused (problem+json)', async () => {
  // A and C have two different valid IDs; B has none. A-B same is fine, then B-C would chain A with C.
  const [a, b, c] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'وليد', nationalId: validId('40211122'), ...base }),
    prepared({ givenName: 'وليد', ...base }),
    prepared({ givenName: 'وليد', nationalId: validId('40233344'), ...base }),
  ]);
  const ab = await insertCandidate(t.db.pool, cw.orgId, a!, b!);
  const bc = await insertCandidate(t.db.pool, cw.orgId, b!, c!);
  expect((await decide(ab, 'same')).statusCode).toBe(200);
  const res = await decide(bc, 'same');
  expect(res.statusCode).toBe(409);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: '/problems/merge_refused', status: 409 });
  expect(res.json().detail).toMatch(/two different valid national IDs/);
  expect(res.json().detail).not.toMatch(/402/); // never quotes the IDs
  // nothing changed
  expect(await identityOf(t.db.pool, c!)).toEqual([c]);
  const st = await t.db.pool.query('SELECT status FROM match_candidate WHERE id = $1', [bc]);
  expect(st.rows[0].status).toBe('pending');
});

test('a merge that would chain two records decided to be different people is refused', async () => {
  const [x, y, z] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'حازم', ...base }),
    prepared({ givenName: 'حازم', ...base, dateOfBirth: '1985' }),
    prepared({ givenName: 'حازم', ...base, dateOfBirth: '1985-04' }),
  ]);
  const xz = await insertCandidate(t.db.pool, cw.orgId, x!, z!);
  const xy = await insertCandidate(t.db.pool, cw.orgId, x!, y!);
  const yz = await insertCandidate(t.db.pool, cw.orgId, y!, z!);
  expect((await decide(xz, 'different')).statusCode).toBe(200);
  expect((await decide(xy, 'same')).statusCode).toBe(200);
  const res = await decide(yz, 'same');
  expect(res.statusCode).toBe(409);
  expect(res.json().type).toBe('/problems/merge_refused');
  expect(res.json().detail).toMatch(/different person/);
});

test('brothers are never chained together through a third record', async () => {
  const fam = { fatherName: 'عبد الرحيم', grandfatherName: 'سليمان', familyName: 'العطار', sex: 'male' as const, governorate: 'PS0260' };
  const [yusuf, third, yunus] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'يوسف', dateOfBirth: '2004-05-17', ...fam }),
    prepared({ givenName: 'يوسف', dateOfBirth: '2004', ...fam }),
    prepared({ givenName: 'يونس', dateOfBirth: '2004-05-17', ...fam }),
  ]);
  const first = await insertCandidate(t.db.pool, cw.orgId, yusuf!, third!);
  const chain = await insertCandidate(t.db.pool, cw.orgId, third!, yunus!);
  expect((await decide(first, 'same')).statusCode).toBe(200);
  const res = await decide(chain, 'same');
  expect(res.statusCode).toBe(409);
  expect(res.json()).toMatchObject({ type: '/problems/merge_refused' });
  expect(res.json().detail).toMatch(/brothers/);
  expect(await identityOf(t.db.pool, yunus!)).toEqual([yunus]);
  // a person may still decide a direct pair of two records alone
  const [p, q] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'يوسف', dateOfBirth: '2001-01-01', ...fam }),
    prepared({ givenName: 'يونس', dateOfBirth: '2001-01-01', ...fam }),
  ]);
  expect((await decide(await insertCandidate(t.db.pool, cw.orgId, p!, q!), 'same')).statusCode).toBe(200);
});

test('an unknown decision is a validation error naming the field', async () => {
  const res = await decide('00000000-0000-4000-8000-000000000000', 'maybe');
  expect(res.statusCode).toBe(422);
  expect(res.json().errors[0].field).toBe('decision');
});

test('an unknown pair answers 404', async () => {
  expect((await decide('00000000-0000-4000-8000-000000000000', 'same')).statusCode).toBe(404);
  expect((await decide('not-a-uuid', 'same')).statusCode).toBe(404);
});
