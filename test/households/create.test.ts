// POST /api/v1/households: a household with its members and their relationship to the head.
import { expect, test } from 'vitest';
import { snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { logged, person } from './support.ts';

const t = useTestApp();

test('201 with the household as of its date; the creation is logged with its members', async () => {
  const u = await t.user({ role: 'registration_officer' });
  const [a, b] = [await person(t, u), await person(t, u)];
  const members = [
    { personId: a, relationship: 'head' },
    { personId: b, relationship: 'mother' },
  ];
  const r = await t.post(u, '/api/v1/households', { governorate: 'PS0265', recordId: 'HH-7', date: '2022-02-02', members });
  expect(r.statusCode).toBe(201);
  expect(r.json()).toMatchObject({ governorate: 'PS0265', recordId: 'HH-7', on: '2022-02-02' });
  expect(r.json().members.map((m: { personId: string; relationship: string }) => [m.personId, m.relationship])).toEqual([
    [a, 'head'],
    [b, 'mother'],
  ]);
  expect(await logged(t, r.json().id, 'create')).toBe(1);
});

test('no head, two heads, a person twice, an unknown governorate, a governorate not worked in: 422 naming the field', async () => {
  const u = await t.user({ governorates: ['PS0260'] });
  const [a, b] = [await person(t, u), await person(t, u)];
  const before = await snapshot(t.db);
  for (const [body, field] of [
    [{ governorate: 'PS0260', members: [{ personId: a, relationship: 'son' }] }, 'members'],
    [{ governorate: 'PS0260', members: [a, b].map((personId) => ({ personId, relationship: 'head' })) }, 'members'],
    [{ governorate: 'PS0260', members: [a, a].map((personId, i) => ({ personId, relationship: i ? 'son' : 'head' })) }, 'members'],
    [{ governorate: 'PS0299', members: [{ personId: a, relationship: 'head' }] }, 'governorate'],
    [{ governorate: 'PS0275', members: [{ personId: a, relationship: 'head' }] }, 'governorate'],
  ] as const) {
    const r = await t.post(u, '/api/v1/households', body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field).toBe(field);
  }
  expect(await snapshot(t.db)).toEqual(before);
});

test("someone else's person: 404 and nothing written; a member of another household: 409 already_member; a role without the right: 403", async () => {
  const u = await t.user();
  const stranger = await t.user({ role: 'administrator' });
  const theirs = await person(t, stranger);
  const before = await snapshot(t.db);
  const hidden = await t.post(u, '/api/v1/households', { governorate: 'PS0260', members: [{ personId: theirs, relationship: 'head' }] });
  expect(hidden.statusCode).toBe(404);
  expect(await snapshot(t.db)).toEqual(before);
  const a = await person(t, u);
  const body = { governorate: 'PS0260', members: [{ personId: a, relationship: 'head' }] };
  expect((await t.post(u, '/api/v1/households', body)).statusCode).toBe(201);
  expect((await t.post(u, '/api/v1/households', body)).json().type).toBe('/problems/already_member');
  expect((await t.post(await t.user({ role: 'auditor', orgId: u.orgId }), '/api/v1/households', body)).statusCode).toBe(403);
});
