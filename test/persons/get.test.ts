// GET /api/v1/persons/:id: the full record with the household the person belongs to now; the read is logged.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { household } from '../households/support.ts';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('the full record with the current household and relationship; each read is logged', async () => {
  const u = await t.user();
  const h = await household(t, u, ['daughter'], '2023-03-03');
  const r = await t.get(u, `/api/v1/persons/${h.others[0]}`);
  expect(r.statusCode).toBe(200);
  expect(r.json()).toMatchObject({ id: h.others[0], version: 1, household: { id: h.id, relationship: 'daughter', since: '2023-03-03' } });
  const reads = await t.db.pool.query("SELECT actor_id FROM change_log WHERE entity = 'person' AND action = 'read' AND entity_id = $1", [
    h.others[0],
  ]);
  expect(reads.rows).toEqual([{ actor_id: u.id }]);
});

test('someone in no household: household null; an unverified national ID comes with a warning', async () => {
  const u = await t.user();
  const id = (await t.post(u, '/api/v1/persons', personInput({ nationalId: '123456789' }))).json().id;
  const r = await t.get(u, `/api/v1/persons/${id}`);
  expect(r.json().household).toBeNull();
  expect(r.json().nationalIdVerified).toBe(false);
  expect(r.json().warnings).toEqual([{ field: 'nationalId', reason: 'check_digit_unverified' }]);
});

test('unknown: 404; not a UUID: 422; another organisation: 404 and nothing logged; a role without the right: 403', async () => {
  const u = await t.user();
  const id = (await t.post(u, '/api/v1/persons', personInput())).json().id;
  expect((await t.get(u, `/api/v1/persons/${randomUUID()}`)).statusCode).toBe(404);
  expect((await t.get(u, '/api/v1/persons/x')).statusCode).toBe(422);
  expect((await t.get(await t.user({ role: 'administrator' }), `/api/v1/persons/${id}`)).statusCode).toBe(404);
  expect((await t.get(await t.user({ role: 'auditor', orgId: u.orgId }), `/api/v1/persons/${id}`)).statusCode).toBe(403);
  const reads = await t.db.pool.query("SELECT 1 FROM change_log WHERE action = 'read' AND entity_id = $1", [id]);
  expect(reads.rowCount).toBe(0);
});
