// GET /api/v1/persons/:id/links: the records identity resolution linked to a person ("also
// registered as"), in the reader's scope only; how each was linked; undone links are gone.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { insertCandidate, insertRecords, prepared } from '../duplicates/support.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const base = { fatherName: 'خالد', grandfatherName: 'محمود', familyName: 'النجار', sex: 'male' as const, dateOfBirth: '1985-04-03' };
const url = (id: string) => `/api/v1/persons/${id}/links`;
type Linked = { person: { id: string; fullName: string; governorate: string }; kind: string | null; linkedAt: string | null };

/** Three records of one person: a-b linked by a caseworker's decision, b-c too (so a reaches c through b). */
async function identity(cw: TestUser, governorates = ['PS0260', 'PS0260', 'PS0260']) {
  const ids = await insertRecords(
    t.db.pool,
    cw.orgId,
    ['سامي', 'سامى', 'Sami'].map((givenName, i) => prepared({ givenName, ...base, governorate: governorates[i]! })),
  );
  const [a, b, c] = ids as [string, string, string];
  for (const [x, y] of [
    [a, b],
    [b, c],
  ] as const) {
    const cid = await insertCandidate(t.db.pool, cw.orgId, x, y);
    const r = await t.post(cw, `/api/v1/duplicates/${cid}/decision`, { decision: 'same' });
    expect(r.statusCode, r.body).toBe(200);
  }
  return { a, b, c };
}

test('the other records of the identity: direct links with their kind and time, others through a third record', async () => {
  const cw = await t.user({ role: 'caseworker' });
  const { a, b, c } = await identity(cw);
  const officer = await t.user({ role: 'registration_officer', orgId: cw.orgId });
  const r = await t.get(officer, url(a));
  expect(r.statusCode, r.body).toBe(200);
  const items = r.json().items as Linked[];
  expect(items.map((l) => [l.person.id, l.kind])).toEqual([
    [b, 'decision'],
    [c, null],
  ]);
  expect(Number.isNaN(Date.parse(items[0]!.linkedAt!))).toBe(false);
  expect(items[1]!.linkedAt).toBeNull();
  expect((await t.get(officer, url(b))).json().items.map((l: Linked) => l.kind)).toEqual(['decision', 'decision']);
});

test('a record without links: an empty list; after an undo the link is gone', async () => {
  const cw = await t.user({ role: 'caseworker' });
  const [x, y] = await insertRecords(
    t.db.pool,
    cw.orgId,
    [prepared({ givenName: 'علي', ...base, governorate: 'PS0260' })].concat(prepared({ givenName: 'على', ...base, governorate: 'PS0260' })),
  );
  expect((await t.get(cw, url(x!))).json().items).toEqual([]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, x!, y!);
  expect((await t.post(cw, `/api/v1/duplicates/${cid}/decision`, { decision: 'same' })).statusCode).toBe(200);
  expect((await t.get(cw, url(x!))).json().items.map((l: Linked) => l.person.id)).toEqual([y]);
  expect((await t.post(cw, `/api/v1/duplicates/${cid}/undo`, {})).statusCode).toBe(200);
  expect((await t.get(cw, url(x!))).json().items).toEqual([]);
});

test("a linked record outside the reader's governorates is not shown (nor revealed)", async () => {
  const cw = await t.user({ role: 'caseworker', governorates: ['PS0260', 'PS0101'] });
  const { a, b } = await identity(cw, ['PS0260', 'PS0260', 'PS0101']);
  const gaza = await t.user({ role: 'registration_officer', orgId: cw.orgId, governorates: ['PS0260'] });
  expect((await t.get(gaza, url(a))).json().items.map((l: Linked) => l.person.id)).toEqual([b]);
});

test('another organisation, an unknown id: 404; not a UUID: 422; roles without the right: 403; no session: 401', async () => {
  const cw = await t.user({ role: 'caseworker' });
  const { a } = await identity(cw);
  const stranger = await t.user({ role: 'administrator' });
  const hidden = await t.get(stranger, url(a));
  expect(hidden.statusCode).toBe(404);
  expect(hidden.json().type).toBe('/problems/not_found');
  expect((await t.get(cw, url(randomUUID()))).statusCode).toBe(404);
  expect((await t.get(cw, url('nope'))).statusCode).toBe(422);
  for (const role of ['analyst', 'auditor'] as const) {
    expect((await t.get(await t.user({ role, orgId: cw.orgId }), url(a))).statusCode, role).toBe(403);
  }
  expect((await t.get(undefined, url(a))).statusCode).toBe(401);
});
