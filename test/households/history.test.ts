// GET /api/v1/households/:id/history: who changed the household, what and when (members, head,
// split, merge, moves, vulnerabilities, cards, its members' life events and older status events), oldest first; the read
// is logged, reads are not listed.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, logged, person } from './support.ts';

const t = useTestApp();
type Entry = {
  seq: number;
  entity: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  before?: unknown;
  after: any;
  reason: string | null;
};
const url = (id: string) => `/api/v1/households/${id}/history`;
const historyReads = async (id: string) =>
  (
    await t.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM change_log WHERE entity = 'household' AND entity_id = $1 AND action = 'read_history'",
      [id],
    )
  ).rows[0]!.n;

test('every change in order with who made it, the status events of its members, and not the reads', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const h = await household(t, officer, ['spouse', 'son', 'daughter']);
  const joining = await person(t, officer);
  const other = await household(t, officer, []);
  const post = async (path: string, body: unknown) => {
    const r = await t.post(officer, `/api/v1/households/${h.id}${path}`, body);
    expect(r.statusCode, r.body).toBe(200);
  };
  await post('/members', { personId: joining, relationship: 'other_relative', date: '2024-01-01' });
  await post('/head', { personId: h.others[0], date: '2024-02-01', previousHeadRelationship: 'spouse' });
  await post(`/members/${joining}/leave`, { date: '2024-03-01', reason: 'moved to relatives in the south' });
  await post('/split', { date: '2024-04-01', members: [{ personId: h.others[2], relationship: 'head' }], reason: 'married' });
  await post('/merge', { otherId: other.id, date: '2024-05-01' });
  await post('/displacements', { date: '2024-06-01', toGovernorate: 'PS0270', reason: 'hostilities' });
  await post('/vulnerabilities', { kind: 'lost_home', date: '2024-06-02' });
  await post('/vulnerabilities/end', { kind: 'lost_home', date: '2024-07-01' });
  const status = await t.post(officer, `/api/v1/persons/${h.others[1]}/status-events`, { kind: 'injured', date: '2024-07-02' });
  expect(status.statusCode).toBe(201);
  expect((await t.get(officer, `/api/v1/households/${h.id}`)).statusCode).toBe(200);

  const auditor = await t.user({ role: 'auditor', orgId: officer.orgId });
  const r = await t.get(officer, url(h.id));
  expect(r.statusCode, r.body).toBe(200);
  const items = r.json().items as Entry[];
  // the auditor sees the same entries, which fields changed, never the values or the reasons given
  const audited = (await t.get(auditor, url(h.id))).json().items as Entry[];
  expect(audited.map((e) => e.action)).toEqual(items.map((e) => e.action));
  for (const e of audited) expect([e.before, e.after, e.reason]).toEqual([null, null, null]);
  expect(items.map((e) => e.action)).toEqual([
    'create',
    'member_join',
    'head_change',
    'member_leave',
    'split',
    'merge',
    'displacement',
    'vulnerability',
    'vulnerability_end',
    'injured',
  ]);
  expect(items.every((e) => e.actorId === officer.id && e.actorName === officer.username)).toBe(true);
  // The reason given for a change is kept with it, and only with it.
  expect(items.map((e) => e.reason)).toEqual([
    null,
    null,
    null,
    'moved to relatives in the south',
    'married',
    null,
    null,
    null,
    null,
    null,
  ]);
  expect(items[1]!.after).toMatchObject({ personId: joining, relationship: 'other_relative', date: '2024-01-01' });
  expect(items[4]!.after.newHouseholdId).toMatch(/^[0-9a-f-]{36}$/);
  expect(items[5]!.after).toMatchObject({ absorbed: other.id, members: [other.head] });
  expect(items[9]).toMatchObject({ entity: 'person_status', entityId: h.others[1], after: { kind: 'injured', date: '2024-07-02' } });
  expect(items[0]).toMatchObject({ entity: 'household', entityId: h.id });
  // The new household of the split has its own history; the merged one says where it went.
  const newHousehold = await t.get(officer, url(items[4]!.after.newHouseholdId));
  expect((newHousehold.json().items as Entry[]).map((e) => [e.action, e.reason])).toEqual([['create_by_split', 'married']]);
  expect((await t.get(officer, url(other.id))).json().items.map((e: Entry) => e.action)).toEqual(['create', 'merged_into']);
  // Each read of a history is logged (and not listed), as a read of the household's history: the officer's and the auditor's.
  expect(await historyReads(h.id)).toBe(2);
});

test('another organisation, an id that does not exist: 404 (not logged); not a UUID: 422', async () => {
  const officer = await t.user();
  const h = await household(t, officer, []);
  const stranger = await t.user({ role: 'administrator' });
  const r = await t.get(stranger, url(h.id));
  expect(r.statusCode).toBe(404);
  expect(r.json().type).toBe('/problems/not_found');
  expect((await t.get(officer, url(randomUUID()))).statusCode).toBe(404);
  expect((await t.get(officer, url('not-a-uuid'))).statusCode).toBe(422);
  expect(await historyReads(h.id)).toBe(0);
});

test('outside the governorates the reader works in: 404', async () => {
  const officer = await t.user();
  const h = await household(t, officer, []);
  const westBank = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0101'] });
  expect((await t.get(westBank, url(h.id))).statusCode).toBe(404);
});

test('roles without the right (site manager, analyst, distribution officer): 403; without a session: 401', async () => {
  const officer = await t.user();
  const h = await household(t, officer, []);
  for (const role of ['site_manager', 'analyst', 'distribution_officer'] as const) {
    expect((await t.get(await t.user({ role, orgId: officer.orgId }), url(h.id))).statusCode, role).toBe(403);
  }
  for (const role of ['administrator', 'registration_officer', 'caseworker', 'auditor'] as const) {
    expect((await t.get(await t.user({ role, orgId: officer.orgId }), url(h.id))).statusCode, role).toBe(200);
  }
  expect((await t.get(undefined, url(h.id))).statusCode).toBe(401);
});

test('a reason is trimmed; empty or longer than 500 characters: 422 naming reason, nothing changed', async () => {
  const officer = await t.user();
  const h = await household(t, officer, ['son']);
  const leave = `/api/v1/households/${h.id}/members/${h.others[0]}/leave`;
  for (const reason of ['   ', 'x'.repeat(501)]) {
    const r = await t.post(officer, leave, { reason });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().errors[0].field).toBe('reason');
  }
  expect(await logged(t, h.id, 'member_leave')).toBe(0);
  expect((await t.post(officer, leave, { reason: '  left for work  ' })).statusCode).toBe(200);
  const items = (await t.get(officer, url(h.id))).json().items as Entry[];
  expect(items.at(-1)).toMatchObject({ action: 'member_leave', reason: 'left for work' });
});

test("a member's status events only when the reader may read that person (their governorate)", async () => {
  const officer = await t.user({ governorates: ['PS0260', 'PS0101'] });
  const h = await household(t, officer, []);
  const westBank = await person(t, officer, { governorate: 'PS0101' });
  expect(
    (await t.post(officer, `/api/v1/households/${h.id}/members`, { personId: westBank, relationship: 'other_relative' })).statusCode,
  ).toBe(200);
  expect((await t.post(officer, `/api/v1/persons/${westBank}/status-events`, { kind: 'missing' })).statusCode).toBe(201);
  expect((await t.post(officer, `/api/v1/persons/${h.head}/status-events`, { kind: 'injured' })).statusCode).toBe(201);
  const gaza = await t.user({ role: 'caseworker', orgId: officer.orgId, governorates: ['PS0260'] });
  const actions = async (u: typeof officer) => ((await t.get(u, url(h.id))).json().items as Entry[]).map((e) => e.action);
  expect(await actions(officer)).toEqual(['create', 'member_join', 'missing', 'injured']);
  expect(await actions(gaza)).toEqual(['create', 'member_join', 'injured']);
});

test("a member's life events: reported, confirmed (a hospital, for an injury), withdrawn, as the person's entries with the kind; the auditor sees no kind", async () => {
  const officer = await t.user({ governorates: ['PS0260'] });
  const h = await household(t, officer, ['son']);
  const son = h.others[0]!;
  const reported = await t.post(officer, `/api/v1/persons/${son}/life-events`, { kind: 'injury', source: 'hospital', date: '2024-06-10' });
  expect(reported.statusCode, reported.body).toBe(201);
  const e = reported.json();
  const withdrawn = await t.post(officer, `/api/v1/life-events/${e.id}/withdraw`, { version: e.version, reason: 'another person' });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  const items = (await t.get(officer, url(h.id))).json().items as Entry[];
  const life = items.filter((x) => x.entity === 'life_event');
  expect(life.map((x) => [x.action, x.entityId, x.after?.kind])).toEqual([
    ['report', son, 'injury'],
    ['confirmed', son, 'injury'],
    ['withdraw', son, 'injury'],
    ['unconfirmed', son, 'injury'],
  ]);
  const auditor = await t.user({ role: 'auditor', orgId: officer.orgId });
  const audited = ((await t.get(auditor, url(h.id))).json().items as Entry[]).filter((x) => x.entity === 'life_event');
  expect(audited.map((x) => [x.action, x.entityId, x.after])).toEqual([
    ['report', son, null],
    ['confirmed', son, null],
    ['withdraw', son, null],
    ['unconfirmed', son, null],
  ]);
});
