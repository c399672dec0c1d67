// POST /api/v1/registrations: a household and all its members in one write, all or nothing, with an
// operation id so that a retry creates nothing twice.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { MAX_REGISTRATION_MEMBERS } from '../../src/shared/registration.ts';
import { personInput, snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { household, logged, person } from './support.ts';

const t = useTestApp();

const newMember = (relationship: string, over: Record<string, unknown> = {}) => ({ kind: 'new', relationship, person: personInput(over) });
const five = () => [newMember('head'), newMember('spouse'), newMember('son'), newMember('daughter'), newMember('mother')];

test('201: five new persons and the household in one write, each creation in the change log under one operation id', async () => {
  const u = await t.user({ role: 'registration_officer' });
  const key = randomUUID();
  const r = await t.post(
    u,
    '/api/v1/registrations',
    { governorate: 'PS0260', recordId: 'REG-1', date: '2024-03-01', members: five() },
    { idempotencyKey: key },
  );
  expect(r.statusCode, r.body).toBe(201);
  const body = r.json();
  expect(body).toMatchObject({ governorate: 'PS0260', recordId: 'REG-1', on: '2024-03-01' });
  expect(body.persons).toHaveLength(5);
  expect(body.persons.every((p: { created: boolean }) => p.created)).toBe(true);
  const sent = ['head', 'spouse', 'son', 'daughter', 'mother'].map((rel, i) => `${body.persons[i].personId} ${rel}`);
  expect(body.members.map((m: { personId: string; relationship: string }) => `${m.personId} ${m.relationship}`).sort()).toEqual(
    sent.sort(),
  );
  expect(body.members[0].relationship).toBe('head');
  expect(await logged(t, body.id, 'create')).toBe(1);
  for (const p of body.persons) expect(await logged(t, p.personId, 'create')).toBe(1);
  const ops = await t.db.pool.query('SELECT DISTINCT operation_id FROM change_log WHERE entity_id = ANY($1::uuid[])', [
    [body.id, ...body.persons.map((p: { personId: string }) => p.personId)],
  ]);
  expect(ops.rows.map((o) => o.operation_id)).toEqual([key]);
});

test('a retry with the same operation id creates nothing twice and answers the same household', async () => {
  const u = await t.user();
  const key = randomUUID();
  const request = { governorate: 'PS0260', members: five() };
  const first = await t.post(u, '/api/v1/registrations', request, { idempotencyKey: key });
  expect(first.statusCode).toBe(201);
  const before = await snapshot(t.db);
  const again = await t.post(u, '/api/v1/registrations', request, { idempotencyKey: key });
  expect(again.statusCode).toBe(201);
  expect(again.json().id).toBe(first.json().id);
  expect(again.json().persons).toEqual(first.json().persons);
  expect(await snapshot(t.db)).toEqual(before);
  // The same id for another request is refused, not replayed.
  const other = await t.post(u, '/api/v1/registrations', { ...request, recordId: 'X' }, { idempotencyKey: key });
  expect(other.json().type).toBe('/problems/operation_reused');
});

test('two sends of the same registration at once (two tabs, a retry racing the first): one household', async () => {
  const u = await t.user();
  const key = randomUUID();
  const request = { governorate: 'PS0260', members: five() };
  const before = await snapshot(t.db);
  const [a, b] = await Promise.all([1, 2].map(() => t.post(u, '/api/v1/registrations', request, { idempotencyKey: key })));
  expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
  expect(a!.json().id).toBe(b!.json().id);
  const after = await snapshot(t.db);
  expect([Number(after.household) - Number(before.household), Number(after.person) - Number(before.person)]).toEqual([1, 5]);
});

test('a failure in the 5th member leaves nothing behind (a record id taken; a person of another household)', async () => {
  const u = await t.user();
  await person(t, u, { recordId: 'TAKEN-1' });
  const elsewhere = await household(t, u, ['son']);
  const before = await snapshot(t.db);
  const taken = [...five().slice(0, 4), newMember('mother', { recordId: 'TAKEN-1' })];
  const r1 = await t.post(u, '/api/v1/registrations', { governorate: 'PS0260', members: taken }, { idempotencyKey: randomUUID() });
  expect([r1.statusCode, r1.json().type]).toEqual([409, '/problems/duplicate_value']);
  const member = [...five().slice(0, 4), { kind: 'existing', relationship: 'father', personId: elsewhere.others[0] }];
  const r2 = await t.post(u, '/api/v1/registrations', { governorate: 'PS0260', members: member }, { idempotencyKey: randomUUID() });
  expect([r2.statusCode, r2.json().type, r2.json().errors]).toEqual([
    409,
    '/problems/already_member',
    [{ field: 'members.4.personId', reason: 'member_elsewhere' }],
  ]);
  expect(await snapshot(t.db)).toEqual(before);
});

test('"use the existing record": an existing person joins; one in another household moves only with move: true', async () => {
  const u = await t.user();
  const loose = await person(t, u);
  const elsewhere = await household(t, u, ['son', 'daughter']);
  const members = [newMember('head'), { kind: 'existing', relationship: 'other_relative', personId: loose }];
  const r = await t.post(u, '/api/v1/registrations', {
    governorate: 'PS0260',
    members: [...members, { kind: 'existing', relationship: 'son', personId: elsewhere.others[0], move: true }],
  });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().persons.map((p: { created: boolean }) => p.created)).toEqual([true, false, false]);
  expect(r.json().members.map((m: { personId: string }) => m.personId)).toContain(elsewhere.others[0]);
  const old = await t.get(u, `/api/v1/households/${elsewhere.id}`);
  expect(old.json().members.map((m: { personId: string }) => m.personId)).not.toContain(elsewhere.others[0]);
  expect(await logged(t, elsewhere.id, 'member_leave')).toBe(1);
  // The head of a household that keeps other members cannot be moved away.
  const before = await snapshot(t.db);
  const head = await t.post(u, '/api/v1/registrations', {
    governorate: 'PS0260',
    members: [newMember('head'), { kind: 'existing', relationship: 'father', personId: elsewhere.head, move: true }],
  });
  expect([head.statusCode, head.json().type, head.json().errors[0].field]).toEqual([
    409,
    '/problems/head_cannot_leave',
    'members.1.personId',
  ]);
  expect(await snapshot(t.db)).toEqual(before);
});

test('422 naming the member and the field; every member checked at once; nothing written', async () => {
  const u = await t.user({ governorates: ['PS0260'] });
  const before = await snapshot(t.db);
  const post = (body: unknown) => t.post(u, '/api/v1/registrations', body);
  const bad = await post({
    governorate: 'PS0260',
    members: [
      newMember('head', { givenName: 'سامر1' }),
      newMember('son', { nationalId: '12' }),
      newMember('son', { governorate: 'PS0275' }),
    ],
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
    'members.0.person.givenName',
    'members.1.person.nationalId',
    'members.2.person.governorate',
  ]);
  const cases: [unknown, string][] = [
    [{ governorate: 'PS0260', members: [newMember('son')] }, 'members'],
    [{ governorate: 'PS0260', members: [newMember('head'), newMember('head')] }, 'members'],
    [{ governorate: 'PS0260', members: [] }, 'members'],
    [{ governorate: 'PS0275', members: [newMember('head')] }, 'governorate'],
    [{ governorate: 'PS0260', date: '2999-01-01', members: [newMember('head')] }, 'date'],
    [{ governorate: 'PS0260', members: [{ kind: 'existing', relationship: 'head', personId: 'nope' }] }, 'members.0.personId'],
  ];
  for (const [body, field] of cases) {
    const r = await post(body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field).toBe(field);
  }
  expect(await snapshot(t.db)).toEqual(before);
});

test(`more than ${MAX_REGISTRATION_MEMBERS} members: 422 naming members, with the bound`, async () => {
  const u = await t.user();
  const members = [newMember('head'), ...Array.from({ length: MAX_REGISTRATION_MEMBERS }, () => newMember('other_relative'))];
  const before = await snapshot(t.db);
  const r = await t.post(u, '/api/v1/registrations', { governorate: 'PS0260', members });
  expect(r.statusCode).toBe(422);
  expect(r.json().errors).toEqual([{ field: 'members', reason: 'too_many', params: { max: MAX_REGISTRATION_MEMBERS } }]);
  expect(await snapshot(t.db)).toEqual(before);
});
