// GET /api/v1/audit/log: an organisation's change log, newest first, for administrators and auditors:
// only their organisation's entries, filtered by record kind, record, user and action, a page at a time.
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
type Entry = { seq: number; at: string; actorId: string | null; entity: string; entityId: string | null; action: string };
const page = async (u: Parameters<typeof t.get>[0], query = '') => {
  const res = await t.get(u, `/api/v1/audit/log${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Entry[]; nextBefore: number | null };
};

/** An organisation with an administrator, an officer who registered three persons, and an auditor. */
async function organisation() {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  const auditor = await t.user({ role: 'auditor', orgId: admin.orgId });
  const persons: string[] = [];
  for (let i = 0; i < 3; i++) persons.push((await t.post(officer, '/api/v1/persons', personInput())).json().id);
  const user = (
    await t.post(admin, '/api/v1/users', {
      username: `clerk.${persons[0]!.slice(0, 8)}`,
      password: 'a long enough password',
      role: 'caseworker',
      governorates: ['PS0260'],
    })
  ).json().id as string;
  return { admin, officer, auditor, persons, user };
}

test('an auditor reads their organisation’s entries only, newest first, without contents', async () => {
  const a = await organisation();
  const b = await organisation();
  const { items, nextBefore } = await page(a.auditor);
  expect(nextBefore).toBeNull();
  expect(items.map((e) => [e.entity, e.entityId, e.action, e.actorId])).toEqual([
    ['user', a.user, 'create', a.admin.id],
    ...a.persons.map((id) => ['person', id, 'create', a.officer.id]).reverse(),
  ]);
  const seqs = items.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
  expect(items.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  const ids = new Set(items.flatMap((e) => [e.entityId, e.actorId]));
  for (const id of [...b.persons, b.user, b.officer.id]) expect(ids.has(id)).toBe(false);
  expect(JSON.stringify(items)).not.toContain('givenName');
  // administrators read it too, the same way
  expect((await page(a.admin)).items).toEqual(items);
});

test('filters: record kind, record, user and action each narrow to exact matches', async () => {
  const a = await organisation();
  const persons = (await page(a.auditor, '?entity=person')).items;
  expect(persons.map((e) => e.entityId)).toEqual([...a.persons].reverse());
  const one = (await page(a.auditor, `?entityId=${a.persons[1]}`)).items;
  expect(one.map((e) => [e.entityId, e.action])).toEqual([[a.persons[1], 'create']]);
  const byAdmin = (await page(a.auditor, `?actorId=${a.admin.id}`)).items;
  expect(byAdmin.map((e) => e.entityId)).toEqual([a.user]);
  expect((await page(a.auditor, '?action=create&entity=user')).items.map((e) => e.entityId)).toEqual([a.user]);
  expect((await page(a.auditor, '?action=second_factor_reset')).items).toEqual([]);
});

test('pages: limit and nextBefore walk the log without gaps or repeats', async () => {
  const a = await organisation();
  const all = (await page(a.auditor)).items;
  const first = await page(a.auditor, '?limit=3');
  expect(first.items).toEqual(all.slice(0, 3));
  expect(first.nextBefore).toBe(all[2]!.seq);
  const second = await page(a.auditor, `?limit=3&before=${first.nextBefore}`);
  expect(second.items).toEqual(all.slice(3));
  expect(second.nextBefore).toBeNull();
});

test('invalid filters are 422 naming the field', async () => {
  const a = await organisation();
  for (const [q, field] of [
    ['?limit=0', 'query.limit'],
    ['?limit=501', 'query.limit'],
    ['?before=x', 'query.before'],
    ['?entityId=123', 'query.entityId'],
    ['?actorId=nope', 'query.actorId'],
    ['?entity=Person%20X', 'query.entity'],
  ] as const) {
    const res = await t.get(a.auditor, `/api/v1/audit/log${q}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  }
});

test('other roles are 403, no session 401', async () => {
  for (const role of ['registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'] as const) {
    const res = await t.get(await t.user({ role }), '/api/v1/audit/log');
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('/problems/forbidden');
  }
  expect((await t.get(undefined, '/api/v1/audit/log')).statusCode).toBe(401);
});
