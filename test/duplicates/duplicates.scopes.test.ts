// Scopes: a pair exists for an actor only when both records are in the actor's organisation and
// governorates (404 otherwise, never 403); roles follow the permission matrix.
import { beforeAll, expect, test } from 'vitest';
import { findDuplicates } from '../../src/store/duplicates/run.ts';
import type { TestUser } from '../support/factories.ts';
import { insertCandidate, insertRecords, loadDedupeSet, prepared } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let owner: TestUser;
let otherOrg: TestUser;
let northOnly: TestUser;
let officer: TestUser;
let cid: string;
let crossGov: string;

const base = { fatherName: 'رائد', grandfatherName: 'فهمي', familyName: 'المصري', sex: 'female' as const, dateOfBirth: '1999-12-01' };

beforeAll(async () => {
  owner = await t.user({ role: 'caseworker' });
  otherOrg = await t.user({ role: 'administrator' });
  northOnly = await t.user({ role: 'caseworker', orgId: owner.orgId, governorates: ['PS0101'] });
  officer = await t.user({ role: 'registration_officer', orgId: owner.orgId });
  const [a, b, c] = await insertRecords(t.db.pool, owner.orgId, [
    prepared({ givenName: 'دعاء', ...base, governorate: 'PS0101' }),
    prepared({ givenName: 'دعاء', ...base, governorate: 'PS0101' }),
    prepared({ givenName: 'دعاء', ...base, governorate: 'PS0260' }),
  ]);
  cid = await insertCandidate(t.db.pool, owner.orgId, a!, b!);
  crossGov = await insertCandidate(t.db.pool, owner.orgId, a!, c!);
  await loadDedupeSet(t.db.pool, owner.orgId, 400, 5);
  await findDuplicates(t.db.pool, owner.actor);
}, 120_000);

const req = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: u.auth, ...(payload ? { payload } : {}) });

test('another organisation: 404 on the pair, its decision and undo; an empty queue; no check matches', async () => {
  expect((await req(otherOrg, 'GET', `/api/v1/duplicates/${cid}`)).statusCode).toBe(404);
  expect((await req(otherOrg, 'POST', `/api/v1/duplicates/${cid}/decision`, { decision: 'same' })).statusCode).toBe(404);
  expect((await req(otherOrg, 'POST', `/api/v1/duplicates/${cid}/undo`)).statusCode).toBe(404);
  expect((await req(otherOrg, 'GET', '/api/v1/duplicates')).json().items).toEqual([]);
  const check = await req(otherOrg, 'POST', '/api/v1/duplicates/check', { givenName: 'دعاء', ...base });
  expect(check.json()).toEqual({ matches: [], candidates: 0, modelId: null, model: 'default' });
  expect((await t.db.pool.query('SELECT status FROM match_candidate WHERE id = $1', [cid])).rows[0].status).toBe('pending');
});

test('a pair with one record outside your governorates does not exist for you', async () => {
  expect((await req(northOnly, 'GET', `/api/v1/duplicates/${cid}`)).statusCode).toBe(200);
  expect((await req(northOnly, 'GET', `/api/v1/duplicates/${crossGov}`)).statusCode).toBe(404);
  expect((await req(northOnly, 'POST', `/api/v1/duplicates/${crossGov}/decision`, { decision: 'same' })).statusCode).toBe(404);
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const body = (await req(northOnly, 'GET', `/api/v1/duplicates?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
      items: { id: string; a: { governorate: string }; b: { governorate: string } }[];
      nextCursor: string | null;
    };
    for (const it of body.items) {
      expect([it.a.governorate, it.b.governorate]).toEqual(['PS0101', 'PS0101']);
      all.push(it.id);
    }
    cursor = body.nextCursor;
  } while (cursor);
  expect(all).toContain(cid);
  expect(all).not.toContain(crossGov);
});

test('check only finds records in your scope', async () => {
  const mine = (await req(owner, 'POST', '/api/v1/duplicates/check', { givenName: 'دعاء', ...base })).json();
  const north = (await req(northOnly, 'POST', '/api/v1/duplicates/check', { givenName: 'دعاء', ...base })).json();
  expect(mine.matches.length).toBe(3);
  expect(north.matches.length).toBe(2);
  expect(north.matches.every((m: { person: { governorate: string } }) => m.person.governorate === 'PS0101')).toBe(true);
});

test('a registration officer may check but not read the queue or decide', async () => {
  expect((await req(officer, 'POST', '/api/v1/duplicates/check', { givenName: 'دعاء', ...base })).statusCode).toBe(200);
  expect((await req(officer, 'GET', '/api/v1/duplicates')).statusCode).toBe(403);
  expect((await req(officer, 'GET', `/api/v1/duplicates/${cid}`)).statusCode).toBe(403);
  expect((await req(officer, 'POST', `/api/v1/duplicates/${cid}/decision`, { decision: 'same' })).statusCode).toBe(403);
  expect((await req(officer, 'POST', `/api/v1/duplicates/${cid}/undo`)).statusCode).toBe(403);
});
