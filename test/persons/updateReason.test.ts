// PUT /api/v1/persons/:id with a reason: the reason is kept in the change log entry beside before and
// after, shown in the history, covered by the hash chain, and never written to application logs.
// The API takes it as optional (scripts and older clients send none); the web app's edit form requires it.
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
type Entry = { action: string; reason: string | null; before: { givenName?: string }; after: { givenName?: string } };

test('the reason is stored in the change log entry with before and after, and shown in the history', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const id = (await t.post(officer, '/api/v1/persons', personInput({ givenName: 'سامر' }))).json().id;
  const reason = 'تصحيح الاسم من بطاقة الهوية';
  const r = await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'سمير', version: 1, reason: `  ${reason} ` }));
  expect(r.statusCode).toBe(200);
  expect(r.json().version).toBe(2);
  const row = (await t.db.pool.query("SELECT reason, before, after FROM change_log WHERE entity_id = $1 AND action = 'update'", [id])).rows;
  expect(row).toEqual([
    { reason, before: expect.objectContaining({ givenName: 'سامر' }), after: expect.objectContaining({ givenName: 'سمير' }) },
  ]);
  const items = (await t.get(officer, `/api/v1/persons/${id}/history`)).json().items as Entry[];
  expect(items.map((e) => [e.action, e.reason])).toEqual([
    ['create', null],
    ['update', reason],
  ]);
  const update = items.find((e) => e.action === 'update')!;
  expect([update.before.givenName, update.after.givenName]).toEqual(['سامر', 'سمير']);
});

test('without a reason the update still works (optional in the API); the entry has none', async () => {
  const officer = await t.user();
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  expect((await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم', version: 1 }))).statusCode).toBe(200);
  const rows = (await t.db.pool.query("SELECT reason FROM change_log WHERE entity_id = $1 AND action = 'update'", [id])).rows;
  expect(rows).toEqual([{ reason: null }]);
});

test('a reason too long (over 500) or blank: 422 naming the field, nothing changes', async () => {
  const officer = await t.user();
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  for (const reason of ['x'.repeat(501), '   ']) {
    const r = await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم', version: 1, reason }));
    expect(r.statusCode).toBe(422);
    expect(r.json().type).toBe('/problems/validation');
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(JSON.stringify(r.json())).not.toContain(reason.trim() || 'never');
  }
  expect((await t.get(officer, `/api/v1/persons/${id}`)).json().version).toBe(1);
  expect((await t.put(officer, `/api/v1/persons/${id}`, personInput({ version: 1, reason: 'x'.repeat(500) }))).statusCode).toBe(200);
});

test('rows with a reason are covered by the hash chain: intact verifies, an edited reason is named', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const auditor = await t.user({ role: 'auditor', orgId: officer.orgId });
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  await t.put(officer, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم', version: 1, reason: 'spelling corrected' }));
  expect((await t.get(auditor, '/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  const seq = (await t.db.pool.query("SELECT seq FROM change_log WHERE action = 'update' AND entity_id = $1", [id])).rows[0].seq;
  const c = await t.db.owner.connect(); // only the owner can bypass the append-only trigger
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query("UPDATE change_log SET reason = 'something else' WHERE seq = $1", [seq]);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  expect((await t.get(auditor, '/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBadSeq: Number(seq), problem: 'edited' });
});

test('the history names who made each change (their username, within the organisation)', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const colleague = await t.user({ role: 'registration_officer', orgId: officer.orgId });
  const id = (await t.post(officer, '/api/v1/persons', personInput())).json().id;
  await t.put(colleague, `/api/v1/persons/${id}`, personInput({ givenName: 'كريم', version: 1, reason: 'spelling corrected' }));
  const items = (await t.get(officer, `/api/v1/persons/${id}/history`)).json().items as { action: string; actorName: string | null }[];
  expect(items.map((e) => [e.action, e.actorName])).toEqual([
    ['create', officer.username],
    ['update', colleague.username],
  ]);
});
