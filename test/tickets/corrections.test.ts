// Data corrections from a ticket: proposed by the ticket's focal point (values checked as the person
// edit checks them), approved by another person who may edit the record, applied once through the
// person edit with the ticket named in the change log; own, stale and twice-decided requests refused.
import { expect, test } from 'vitest';
import { applyChanges } from '../../src/tickets/correction.ts';
import { parseCorrectionLogReason } from '../../src/shared/corrections.ts';
import { person } from '../households/support.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

async function setUp() {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const focal = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId, governorates: ['PS0260'] });
  const personId = await person(t, officer, { givenName: 'سامر', familyName: 'الحداد', phone: '0599123456', sex: 'male' });
  const tk = (
    await t.post(focal, '/api/v1/tickets', { channel: 'desk', category: 'data_correction', personId, description: 'the name is misspelt' })
  ).json();
  return { officer, focal, personId, ticketId: tk.id as string };
}

const propose = (u: TestUser, ticketId: string, body: unknown) => t.post(u, `/api/v1/tickets/${ticketId}/corrections`, body);
const decide = (u: TestUser, id: string, body: unknown) => t.post(u, `/api/v1/corrections/${id}/decision`, body);

test('pure: the changes are checked as the edit checks them; only the fields that change are kept; no change refused', () => {
  const now = new Date().toISOString();
  const p = {
    id: 'x',
    orgId: 'o',
    version: 1,
    createdAt: now,
    updatedAt: now,
    recordId: null,
    givenName: 'سامر',
    fatherName: null,
    grandfatherName: null,
    familyName: 'الحداد',
    fullName: 'سامر الحداد',
    fullNameEn: null,
    nameKey: '',
    nameTokens: [],
    sex: 'male' as const,
    dateOfBirth: '1990-01-01',
    dobPrecision: 'year' as const,
    nationalId: null,
    nationalIdValid: null,
    phone: null,
    governorate: 'PS0260',
  };
  const r = applyChanges(p, { givenName: 'سمير', familyName: 'الحداد' });
  expect(r.changed).toEqual(['givenName']);
  expect(r.record).toMatchObject({ fullName: 'سمير الحداد', dateOfBirth: '1990-01-01', dobPrecision: 'year' });
  expect(() => applyChanges(p, { givenName: 'سامر' })).toThrow(expect.objectContaining({ id: 'validation' }));
  expect(() => applyChanges(p, { givenName: 'سامر1' })).toThrow(expect.objectContaining({ id: 'validation' }));
  expect(parseCorrectionLogReason('ticket:6f1c3f3e-0c1e-4a0e-9a43-0f5b0f1d2e3a spelling')).toEqual({
    ticketId: '6f1c3f3e-0c1e-4a0e-9a43-0f5b0f1d2e3a',
    text: 'spelling',
  });
  expect(parseCorrectionLogReason('spelling')).toBeNull();
});

test('proposed by the focal point, approved by a registration officer: applied once, the ticket in the change log', async () => {
  const { officer, focal, personId, ticketId } = await setUp();
  const before = (await t.get(officer, `/api/v1/persons/${personId}`)).json();
  const p = await propose(focal, ticketId, { changes: { givenName: 'سمير' }, reason: 'spelling on the ID card', version: before.version });
  expect(p.statusCode, p.body).toBe(201);
  const req = p.json();
  expect(req).toMatchObject({ status: 'proposed', stale: false, fields: [{ field: 'givenName', current: 'سامر', proposed: 'سمير' }] });
  // the proposal changed nothing yet, and its values are in no log entry
  expect((await t.get(officer, `/api/v1/persons/${personId}`)).json().givenName).toBe('سامر');
  const logged = await t.db.pool.query("SELECT after::text FROM change_log WHERE entity = 'change_request'");
  expect(logged.rows.map((r) => r.after).join()).not.toContain('سمير');
  // a second proposal waits for the first
  expect((await propose(focal, ticketId, { changes: { phone: '0599000000' }, reason: 'x' })).json().type).toBe(
    '/problems/change_request_pending',
  );
  // the queue: the officer sees it, the focal point may not read it
  const queue = (await t.get(officer, '/api/v1/corrections')).json();
  expect(queue.items.map((x: { id: string }) => x.id)).toEqual([req.id]);
  expect((await t.get(focal, '/api/v1/corrections')).statusCode).toBe(403);

  const ok = await decide(officer, req.id, { decision: 'approve', reason: 'checked against the ID card' });
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: officer.username });
  const after = (await t.get(officer, `/api/v1/persons/${personId}`)).json();
  expect(after).toMatchObject({ givenName: 'سمير', version: before.version + 1 });
  expect(after.fullName).toContain('سمير');
  // search finds the corrected name
  const found = (await t.post(officer, '/api/v1/persons/search', { query: 'سمير الحداد' })).json();
  expect(found.items.map((x: { id: string }) => x.id)).toContain(personId);
  // the person's history: one update, by the approver, naming the ticket
  const history = (await t.get(officer, `/api/v1/persons/${personId}/history?kind=changes`)).json();
  const updates = history.items.filter((e: { action: string }) => e.action === 'update');
  expect(updates).toHaveLength(1);
  expect(updates[0]).toMatchObject({ actorId: officer.id, fields: expect.arrayContaining(['givenName', 'fullName']) });
  expect(parseCorrectionLogReason(updates[0].reason)).toEqual({ ticketId, text: 'spelling on the ID card' });
  // the ticket shows it, and is then answered and closed by two focal points
  const onTicket = (await t.get(focal, `/api/v1/tickets/${ticketId}/corrections`)).json();
  expect(onTicket.items).toMatchObject([{ id: req.id, status: 'approved', decisionReason: 'checked against the ID card' }]);
  const events = (await t.get(focal, `/api/v1/tickets/${ticketId}`)).json().events.map((e: { action: string }) => e.action);
  expect(events).toEqual(['taken', 'correction_proposed', 'correction_approved']);
  // decided: a second approval is refused and changes nothing
  expect((await decide(officer, req.id, { decision: 'approve' })).json().type).toBe('/problems/change_request_decided');
  expect((await t.get(officer, `/api/v1/persons/${personId}`)).json().version).toBe(before.version + 1);
});

test('two approvals at once apply the change once', async () => {
  const { officer, focal, personId, ticketId } = await setUp();
  const admin = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0260'] });
  const req = (await propose(focal, ticketId, { changes: { phone: '0599765432' }, reason: 'new number' })).json();
  const [a, b] = await Promise.all([decide(officer, req.id, { decision: 'approve' }), decide(admin, req.id, { decision: 'approve' })]);
  expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  expect([a, b].find((r) => r.statusCode === 409)!.json().type).toBe('/problems/change_request_decided');
  const p = (await t.get(officer, `/api/v1/persons/${personId}`)).json();
  expect(p).toMatchObject({ version: 2 });
  expect(p.phone).toContain('599765432');
  const updates = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'person' AND entity_id = $1 AND action = 'update'",
    [personId],
  );
  expect(updates.rows[0].n).toBe(1);
});

test('security: never your own, not by a focal point, not out of scope; a stale one is not approved but rejected, then proposed again', async () => {
  const { officer, focal, personId, ticketId } = await setUp();
  // an officer assigned the ticket proposes: they may not approve it themselves
  await t.post(focal, `/api/v1/tickets/${ticketId}/steps`, { action: 'assign', userId: officer.id });
  const req = (await propose(officer, ticketId, { changes: { sex: 'female' }, reason: 'as on the ID card' })).json();
  expect(req.status).toBe('proposed');
  const own = await decide(officer, req.id, { decision: 'approve' });
  expect(own.statusCode).toBe(409);
  expect(own.json().type).toBe('/problems/own_change_request');
  expect((await decide(focal, req.id, { decision: 'approve' })).statusCode).toBe(403);
  // another organisation, or another governorate: as if absent
  const stranger = await t.user({ role: 'registration_officer' });
  expect((await decide(stranger, req.id, { decision: 'approve' })).statusCode).toBe(404);
  const elsewhere = await t.user({ role: 'registration_officer', orgId: officer.orgId, governorates: ['PS0150'] });
  expect((await decide(elsewhere, req.id, { decision: 'approve' })).statusCode).toBe(404);
  expect((await t.get(elsewhere, '/api/v1/corrections')).json().items).toEqual([]);
  // the record changes meanwhile: stale, refused; rejected with a reason
  const admin = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0260'] });
  const p = (await t.get(admin, `/api/v1/persons/${personId}`)).json();
  const edit = await t.put(admin, `/api/v1/persons/${personId}`, {
    givenName: p.givenName,
    familyName: p.familyName,
    fatherName: p.fatherName,
    grandfatherName: p.grandfatherName,
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    governorate: p.governorate,
    phone: '0599111222',
    reason: 'new phone',
  });
  expect(edit.statusCode, edit.body).toBe(200);
  expect((await t.get(focal, `/api/v1/tickets/${ticketId}/corrections`)).json().items[0].stale).toBe(true);
  const stale = await decide(admin, req.id, { decision: 'approve' });
  expect(stale.json().type).toBe('/problems/change_request_stale');
  expect((await t.get(admin, `/api/v1/persons/${personId}`)).json().sex).toBe(p.sex);
  // a stale request blocks nothing: it is rejected with a reason, and proposed again on the record as it is
  const rejected = await decide(admin, req.id, { decision: 'reject', reason: 'the record changed meanwhile' });
  expect(rejected.statusCode, rejected.body).toBe(200);
  expect(rejected.json()).toMatchObject({ status: 'rejected', stale: false });
  const again = await propose(officer, ticketId, { changes: { sex: 'female' }, reason: 'as on the ID card' });
  expect(again.json()).toMatchObject({ status: 'proposed', stale: false, baseVersion: 2 });
  expect((await decide(admin, again.json().id, { decision: 'approve' })).json()).toMatchObject({ status: 'approved' });
  expect((await t.get(admin, `/api/v1/persons/${personId}`)).json()).toMatchObject({ sex: 'female', version: 3 });
});

test('bad input named; only data-correction tickets, by their handler; a rejection needs a reason and changes nothing', async () => {
  const { officer, focal, personId, ticketId } = await setUp();
  const bad = await propose(focal, ticketId, { changes: { givenName: 'سامر7', phone: '12' }, reason: 'x' });
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['givenName', 'phone']);
  expect((await propose(focal, ticketId, { changes: {}, reason: 'x' })).statusCode).toBe(422);
  expect((await propose(focal, ticketId, { changes: { recordId: 'R1' }, reason: 'x' })).statusCode).toBe(422);
  const same = await propose(focal, ticketId, { changes: { givenName: 'سامر' }, reason: 'x' });
  expect(same.json().errors).toEqual([{ field: 'changes', reason: 'no_change' }]);
  const other = (
    await t.post(focal, '/api/v1/tickets', { channel: 'desk', category: 'missed_assistance', personId, description: 'no parcel' })
  ).json();
  expect((await propose(focal, other.id, { changes: { givenName: 'سمير' }, reason: 'x' })).json().type).toBe(
    '/problems/not_a_data_correction',
  );
  // someone who took no part in the ticket does not see it
  const caseworker = await t.user({ role: 'caseworker', orgId: officer.orgId, governorates: ['PS0260'] });
  expect((await propose(caseworker, ticketId, { changes: { givenName: 'سمير' }, reason: 'x' })).statusCode).toBe(404);

  const req = (await propose(focal, ticketId, { changes: { givenName: 'سمير' }, reason: 'spelling' })).json();
  expect((await decide(officer, req.id, { decision: 'reject' })).json().errors).toEqual([{ field: 'reason', reason: 'required' }]);
  const no = await decide(officer, req.id, { decision: 'reject', reason: 'the ID card says سامر' });
  expect(no.json()).toMatchObject({ status: 'rejected' });
  expect((await t.get(officer, `/api/v1/persons/${personId}`)).json()).toMatchObject({ givenName: 'سامر', version: 1 });
  // after a rejection, a new proposal may be made
  expect((await propose(focal, ticketId, { changes: { givenName: 'سمير' }, reason: 'again' })).statusCode).toBe(201);
  expect((await decide(officer, 'not-a-uuid', { decision: 'approve' })).statusCode).toBe(422);
});
