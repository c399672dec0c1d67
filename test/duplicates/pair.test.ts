// One pair through its operations: read side by side (linked or not), decided, undone, each
// answering the pair view (both records and whether they are one identity now). Writes run in the
// route's write: an Idempotency-Key replays, and reused for another pair is refused. Another
// organisation gets 404; roles outside the matrix 403.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { insertCandidate, insertRecords, prepared } from './support.ts';

const t = useTestApp();
let cw: TestUser;
const base = {
  fatherName: 'يوسف',
  grandfatherName: 'إبراهيم',
  familyName: 'الخطيب',
  sex: 'female' as const,
  dateOfBirth: '1990-02-11',
  governorate: 'PS0265',
};

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
});

/** A fresh pair of near-identical records of the caseworker's organisation. */
async function pair(): Promise<{ id: string; a: string; b: string }> {
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'سلمى', ...base }),
    prepared({ givenName: 'سلمي', ...base }),
  ]);
  return { id: await insertCandidate(t.db.pool, cw.orgId, a!, b!), a: a!, b: b! };
}
const decide = (u: TestUser, id: string, decision: string, opts = {}) => t.post(u, `/api/v1/duplicates/${id}/decision`, { decision }, opts);
const undo = (u: TestUser, id: string, opts = {}) => t.post(u, `/api/v1/duplicates/${id}/undo`, undefined, opts);

test('read, decided same, undone: each answer is the pair view with both records and the current link', async () => {
  const p = await pair();
  const read = await t.get(cw, `/api/v1/duplicates/${p.id}`);
  expect(read.statusCode).toBe(200);
  const ids = (v: { a: { id: string }; b: { id: string } }) => [v.a.id, v.b.id].sort();
  expect(read.json()).toMatchObject({ id: p.id, status: 'pending', linked: false, decidedBy: null, decidedAt: null });
  expect(ids(read.json())).toEqual([p.a, p.b].sort());
  expect(read.json().a.givenName).toMatch(/^سلم/);

  const same = await decide(cw, p.id, 'same');
  expect(same.statusCode).toBe(200);
  expect(same.json()).toMatchObject({ id: p.id, status: 'same', linked: true, decidedBy: cw.id });
  expect(ids(same.json())).toEqual([p.a, p.b].sort());

  const undone = await undo(cw, p.id);
  expect(undone.statusCode).toBe(200);
  expect(undone.json()).toMatchObject({ id: p.id, status: 'pending', linked: false, decidedBy: null });
});

test('an Idempotency-Key replays the decision; the same key on another pair is refused and changes nothing', async () => {
  const [p, q] = [await pair(), await pair()];
  const key = randomUUID();
  const first = await decide(cw, p.id, 'different', { idempotencyKey: key });
  expect(first.statusCode).toBe(200);
  const again = await decide(cw, p.id, 'different', { idempotencyKey: key });
  expect(again.headers['idempotent-replay']).toBe('true');
  expect(again.json()).toEqual(first.json());
  const reused = await decide(cw, q.id, 'different', { idempotencyKey: key });
  expect(reused.statusCode).toBe(409);
  expect(reused.json().type).toBe('/problems/operation_reused');
  expect((await t.get(cw, `/api/v1/duplicates/${q.id}`)).json().status).toBe('pending');
});

test('a decided pair is not decided again; an unknown or malformed pair is 404', async () => {
  const p = await pair();
  expect((await decide(cw, p.id, 'unsure')).statusCode).toBe(200);
  expect((await decide(cw, p.id, 'unsure')).statusCode).toBe(200); // unsure stays open for a decision
  expect((await decide(cw, p.id, 'different')).statusCode).toBe(200);
  const twice = await decide(cw, p.id, 'same');
  expect(twice.statusCode).toBe(409);
  expect(twice.json().type).toBe('/problems/pair_already_decided');
  for (const id of [randomUUID(), 'nope']) {
    expect((await t.get(cw, `/api/v1/duplicates/${id}`)).statusCode, id).toBe(404);
    expect((await decide(cw, id, 'same')).statusCode, id).toBe(404);
    expect((await undo(cw, id)).statusCode, id).toBe(404);
  }
});

test('another organisation: 404 for the pair, its decision and its undo; nothing changes', async () => {
  const p = await pair();
  const outsider = await t.user({ role: 'caseworker' });
  expect((await t.get(outsider, `/api/v1/duplicates/${p.id}`)).statusCode).toBe(404);
  expect((await decide(outsider, p.id, 'same')).statusCode).toBe(404);
  expect((await undo(outsider, p.id)).statusCode).toBe(404);
  expect((await t.get(cw, `/api/v1/duplicates/${p.id}`)).json()).toMatchObject({ status: 'pending', linked: false });
});

test('roles the matrix does not allow: 403', async () => {
  const p = await pair();
  const registrar = await t.user({ role: 'registration_officer', orgId: cw.orgId });
  const analyst = await t.user({ role: 'analyst', orgId: cw.orgId });
  expect((await t.get(registrar, `/api/v1/duplicates/${p.id}`)).statusCode).toBe(403);
  expect((await decide(registrar, p.id, 'same')).statusCode).toBe(403);
  expect((await undo(analyst, p.id)).statusCode).toBe(403);
});
