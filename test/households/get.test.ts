// GET /api/v1/households/:id?on=: the household as of a date; the read is logged.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, logged, person } from './support.ts';

const t = useTestApp();

test('members as of the date with their names and the location; each read is logged', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son'], '2023-05-05');
  const reader = await t.user({ role: 'distribution_officer', orgId: u.orgId });
  const before = await t.get(reader, `/api/v1/households/${h.id}?on=2023-05-04`);
  expect(before.statusCode).toBe(200);
  expect(before.json().members).toEqual([]);
  const r = await t.get(reader, `/api/v1/households/${h.id}?on=2024-01-01`);
  const body = r.json();
  expect(body).toMatchObject({ id: h.id, governorate: 'PS0260', on: '2024-01-01', recordId: null, displacements: [] });
  expect(body.members.map((m: { personId: string }) => m.personId)).toEqual([h.head, h.others[0]]);
  expect(body.members[0]).toMatchObject({ relationship: 'head', validFrom: '2023-05-05', validTo: null, fullName: expect.any(String) });
  expect(body.currentLocation).toEqual({ governorate: 'PS0260', locality: null, site: null, since: null });
  expect(await logged(t, h.id, 'read')).toBe(2);
});

test('a date that is not a calendar day: 422 naming on; an unknown id: 404; not a UUID: 422', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const bad = await t.get(u, `/api/v1/households/${h.id}?on=2024-02-30`);
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors).toEqual([{ field: 'on', reason: 'not_a_calendar_date' }]);
  expect((await t.get(u, `/api/v1/households/${randomUUID()}`)).statusCode).toBe(404);
  expect((await t.get(u, '/api/v1/households/12')).statusCode).toBe(422);
});

test('another organisation or governorate: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const url = `/api/v1/households/${h.id}`;
  expect((await t.get(await t.user({ role: 'administrator' }), url)).statusCode).toBe(404);
  expect((await t.get(await t.user({ orgId: u.orgId, governorates: ['PS0101'] }), url)).statusCode).toBe(404);
  const analyst = await t.get(await t.user({ role: 'analyst', orgId: u.orgId }), url);
  expect(analyst.statusCode).toBe(403);
});

test("a member registered in a governorate outside the reader's is listed with the relationship, never the name, sex or birth date", async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const away = await person(t, u, { governorate: 'PS0101', givenName: 'نزار' });
  const joined = await t.post(u, `/api/v1/households/${h.id}/members`, { personId: away, relationship: 'brother', date: '2023-06-01' });
  expect(joined.statusCode, joined.body).toBe(200);
  const gazaOnly = await t.user({ role: 'distribution_officer', orgId: u.orgId, governorates: ['PS0260'] });
  const r = await t.get(gazaOnly, `/api/v1/households/${h.id}?on=2024-01-01`);
  expect(r.statusCode).toBe(200);
  const member = r.json().members.find((m: { personId: string }) => m.personId === away);
  expect(member).toMatchObject({ relationship: 'brother', fullName: null, sex: null, dateOfBirth: null });
  expect(r.body).not.toContain('نزار');
  // a reader of both governorates sees the name
  const both = (await t.get(u, `/api/v1/households/${h.id}?on=2024-01-01`)).json();
  expect(both.members.find((m: { personId: string }) => m.personId === away).fullName).toContain('نزار');
});
