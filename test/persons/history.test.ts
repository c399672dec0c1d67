// GET /api/v1/persons/:id/history: who created, changed, read a person and recorded their status, oldest first.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
type Entry = {
  seq: number;
  at: string;
  actorId: string | null;
  orgId: string | null;
  action: string;
  fields: string[];
  before: unknown;
  after: unknown;
  reason: string | null;
};

test('create, update, a read and a status event, in order, each with who did it', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const created = await t.post(officer, '/api/v1/persons', personInput({ givenName: 'سامر' }));
  const id = created.json().id;
  expect((await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم' }))).statusCode).toBe(200);
  expect((await t.get(officer, `/api/v1/persons/${id}`)).statusCode).toBe(200);
  expect((await t.post(officer, `/api/v1/persons/${id}/status-events`, { kind: 'injured', date: '2024-02-02' })).statusCode).toBe(201);

  const r = await t.get(officer, `/api/v1/persons/${id}/history`);
  expect(r.statusCode).toBe(200);
  const items = r.json().items as Entry[];
  expect(items.map((e) => e.action)).toEqual(['create', 'update', 'read', 'injured']);
  expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => a - b));
  expect(items.every((e) => e.actorId === officer.id && e.orgId === officer.orgId && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  expect(items[1]!.fields).toContain('givenName');
  const update = items[1]!;
  expect((update.before as { givenName: string }).givenName).toBe('سامر');
  expect((update.after as { givenName: string }).givenName).toBe('كريم');
  expect(items[3]!.after).toMatchObject({ kind: 'injured', date: '2024-02-02' });
});

test('an auditor sees who changed which fields when, never the values; the read of a history is logged', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const id = (await t.post(officer, '/api/v1/persons', personInput({ givenName: 'سامر', nationalId: undefined }))).json().id;
  expect((await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم' }))).statusCode).toBe(200);
  const auditor = await t.user({ role: 'auditor', orgId: officer.orgId });
  const r = await t.get(auditor, `/api/v1/persons/${id}/history`);
  expect(r.statusCode).toBe(200);
  const items = r.json().items as Entry[];
  expect(items.map((e) => e.action)).toEqual(['create', 'update']);
  expect(items[1]!.fields).toContain('givenName');
  for (const e of items) expect([e.before, e.after, e.reason]).toEqual([null, null, null]);
  expect(r.body).not.toContain('سامر');
  expect(r.body).not.toContain('كريم');
  const logged = await t.db.pool.query<{ actor_id: string; after: unknown }>(
    "SELECT actor_id, after FROM change_log WHERE entity = 'person' AND entity_id = $1 AND action = 'read_history'",
    [id],
  );
  expect(logged.rows).toEqual([{ actor_id: auditor.id, after: null }]);
});

test('1,000 reads do not hide a later edit: the newest page comes first, earlier pages by cursor, reads can be left out', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  const other = await t.user({ role: 'caseworker', orgId: officer.orgId });
  await t.db.pool.query(
    `INSERT INTO change_log (actor_id, org_id, entity, entity_id, action) SELECT $1, $2, 'person', $3, 'read' FROM generate_series(1, 1100)`,
    [other.id, officer.orgId, id],
  );
  expect((await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'وسيم' }))).statusCode).toBe(200);
  const first = await t.get(officer, `/api/v1/persons/${id}/history`);
  const page = first.json() as { items: Entry[]; earlier: number | null };
  expect(page.items.length).toBe(200);
  expect(page.items.at(-1)!.action).toBe('update');
  expect(page.earlier).toBe(page.items[0]!.seq);
  // walking back reaches the creation, each entry once
  const seen = new Set(page.items.map((e) => e.seq));
  let before = page.earlier;
  let oldest: Entry | undefined;
  while (before !== null) {
    const p = (await t.get(officer, `/api/v1/persons/${id}/history?before=${before}&limit=1000`)).json() as typeof page;
    for (const e of p.items) {
      expect(seen.has(e.seq)).toBe(false);
      seen.add(e.seq);
    }
    oldest = p.items[0];
    before = p.earlier;
  }
  expect(oldest!.action).toBe('create');
  expect(seen.size).toBe(1 + 1100 + 1);
  const changes = (await t.get(officer, `/api/v1/persons/${id}/history?kind=changes`)).json() as typeof page;
  expect(changes.items.map((e) => e.action)).toEqual(['create', 'update']);
  expect(changes.earlier).toBeNull();
  expect((await t.get(officer, `/api/v1/persons/${id}/history?before=1e3`)).statusCode).toBe(422);
});

test('another organisation, or an id that does not exist: 404; not a UUID: 422', async () => {
  const officer = await t.user();
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  const stranger = await t.user({ role: 'administrator' });
  const r = await t.get(stranger, `/api/v1/persons/${id}/history`);
  expect(r.statusCode).toBe(404);
  expect(r.json().type).toBe('/problems/not_found');
  expect((await t.get(officer, `/api/v1/persons/${randomUUID()}/history`)).statusCode).toBe(404);
  expect((await t.get(officer, '/api/v1/persons/not-a-uuid/history')).statusCode).toBe(422);
});

test('outside the governorates the reader works in: 404', async () => {
  const officer = await t.user();
  const id = (await t.post(officer, '/api/v1/persons', personInput({ governorate: 'PS0260' }))).json().id;
  const westBank = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0101'] });
  expect((await t.get(westBank, `/api/v1/persons/${id}/history`)).statusCode).toBe(404);
});

test('roles without the right (site manager, analyst): 403; without a session: 401', async () => {
  const officer = await t.user();
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  for (const role of ['site_manager', 'analyst', 'distribution_officer'] as const) {
    const r = await t.get(await t.user({ role, orgId: officer.orgId }), `/api/v1/persons/${id}/history`);
    expect(r.statusCode, role).toBe(403);
  }
  expect((await t.get(undefined, `/api/v1/persons/${id}/history`)).statusCode).toBe(401);
});
