// /api/v1/cases: open, my cases, the case file (read logged), entries, decisions, assignment, sharing.
import { expect, test } from 'vitest';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

async function team() {
  const worker = await t.user({ role: 'caseworker' });
  const other = await t.user({ role: 'caseworker', orgId: worker.orgId });
  const supervisor = await t.user({ role: 'case_supervisor', orgId: worker.orgId });
  const registrar = await t.user({ role: 'registration_officer', orgId: worker.orgId });
  return { worker, other, supervisor, registrar };
}

test('a case goes from intake to closed with a supervisor approving each step; reads are logged; text stays out of the log', async () => {
  const { worker, supervisor } = await team();
  const h = await household(t, worker, ['spouse']);
  const opened = await t.post(worker, '/api/v1/cases', {
    type: 'injured_person',
    personId: h.head,
    consent: { given: true },
    note: 'met at the clinic',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = opened.json().id;
  expect(opened.json()).toMatchObject({
    stage: 'intake',
    awaiting: null,
    assignedTo: { id: worker.id },
    householdId: h.id,
    sensitive: false,
  });
  const entry = (body: object, who = worker) => t.post(who, `/api/v1/cases/${id}/entries`, body);
  const decide = (decision: string, comment?: string) =>
    t.post(supervisor, `/api/v1/cases/${id}/decision`, { decision, ...(comment ? { comment } : {}) });
  expect((await entry({ kind: 'assessment', text: 'needs physiotherapy' })).json().awaiting).toBe('assessment');
  expect((await entry({ kind: 'plan', text: 'too early' })).json().type).toBe('/problems/case_step_refused');
  expect((await t.post(worker, `/api/v1/cases/${id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
  expect((await decide('send_back', 'add the prosthetics need')).json()).toMatchObject({ stage: 'intake', awaiting: null });
  await entry({ kind: 'assessment', text: 'physiotherapy and a prosthesis' });
  expect((await decide('approve')).json().stage).toBe('plan');
  await entry({ kind: 'plan', text: 'refer to the rehabilitation centre' });
  expect((await decide('approve')).json().stage).toBe('services');
  const follow = await entry({ kind: 'follow_up', text: 'first session done', nextDate: '2099-01-15' });
  expect(follow.json().dueAt.slice(0, 10)).toBe('2099-01-15');
  await entry({ kind: 'closure', text: 'goals met' });
  expect((await decide('approve')).json()).toMatchObject({ stage: 'closed', awaiting: null });
  expect((await entry({ kind: 'note', text: 'late note' })).json().type).toBe('/problems/case_step_refused');
  expect((await t.post(worker, `/api/v1/cases/${id}/reopen`, { reason: 'new need' })).json().stage).toBe('services');

  const file = (await t.get(worker, `/api/v1/cases/${id}`)).json();
  expect(file.entries.map((e: { kind: string }) => e.kind)).toEqual([
    'opened',
    'assessment',
    'sent_back',
    'assessment',
    'approved',
    'plan',
    'approved',
    'follow_up',
    'closure',
    'approved',
    'reopened',
  ]);
  const log = await t.db.pool.query(
    "SELECT action, after::text AS after FROM change_log WHERE entity = 'case' AND entity_id = $1 ORDER BY seq",
    [id],
  );
  expect(log.rows.map((r) => r.action)).toContain('read');
  expect(log.rows.map((r) => r.after ?? '').join(' ')).not.toMatch(/physiotherapy|clinic|goals met/);
});

test('bad input: 422 naming the field; a caregiver must be a person of the registry', async () => {
  const { worker } = await team();
  const h = await household(t, worker, []);
  for (const [body, field] of [
    [{ type: 'curious', personId: h.head }, 'type'],
    [{ type: 'other' }, 'personId'],
    [{ type: 'other', personId: h.head, consent: { given: 'yes' } }, 'consent.given'],
  ] as const) {
    const r = await t.post(worker, '/api/v1/cases', body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field).toBe(field);
  }
  const id = (await t.post(worker, '/api/v1/cases', { type: 'other', personId: h.head })).json().id;
  const noPerson = await t.post(worker, `/api/v1/cases/${id}/entries`, { kind: 'caregiver' });
  expect(noPerson.json().errors[0]).toMatchObject({ field: 'personId', reason: 'required' });
  const past = await t.post(worker, `/api/v1/cases/${id}/entries`, { kind: 'follow_up', nextDate: '2000-01-01', text: 'x' });
  expect(past.statusCode).toBe(200); // a follow-up may be recorded as already due
});

test('another caseworker cannot see or touch a case; shared, they read it only; transferred, it is theirs', async () => {
  const { worker, other, supervisor, registrar } = await team();
  const h = await household(t, worker, []);
  const id = (await t.post(worker, '/api/v1/cases', { type: 'bereaved_family', personId: h.head })).json().id;
  expect((await t.get(other, `/api/v1/cases/${id}`)).statusCode).toBe(404);
  expect((await t.post(other, `/api/v1/cases/${id}/entries`, { kind: 'note', text: 'x' })).statusCode).toBe(404);
  expect((await t.get(registrar, `/api/v1/cases/${id}`)).statusCode).toBe(403);
  // a non-sensitive case's existence is listed on the person to caseworkers in scope, not its file
  const listed = (await t.get(other, `/api/v1/persons/${h.head}/cases`)).json().items;
  expect(listed).toEqual([expect.objectContaining({ id, type: 'bereaved_family', mayOpen: false })]);
  await t.post(worker, `/api/v1/cases/${id}/share`, { userId: other.id });
  expect((await t.get(other, `/api/v1/cases/${id}`)).json().access).toBe('shared');
  expect((await t.post(other, `/api/v1/cases/${id}/entries`, { kind: 'note', text: 'x' })).json().type).toBe('/problems/case_step_refused');
  const assignees = (await t.get(supervisor, `/api/v1/cases/${id}/assignees`)).json().items.map((u: { id: string }) => u.id);
  expect(assignees).toEqual(expect.arrayContaining([worker.id, other.id, supervisor.id]));
  await t.post(supervisor, `/api/v1/cases/${id}/assign`, { userId: other.id });
  expect((await t.get(other, '/api/v1/cases/mine')).json().items.map((c: { id: string }) => c.id)).toContain(id);
  expect((await t.get(worker, `/api/v1/cases/${id}`)).statusCode).toBe(404);
});

test('a sensitive case shared with a caseworker of another governorate is listed on the person for them; an unshared one is not', async () => {
  const { worker } = await team();
  const h = await household(t, worker, []);
  const where = (await t.get(worker, `/api/v1/persons/${h.head}`)).json().governorate as string;
  const far = await t.user({ role: 'caseworker', orgId: worker.orgId, governorates: [where === 'PS0150' ? 'PS0160' : 'PS0150'] });
  const open = async () =>
    (await t.post(worker, '/api/v1/cases', { type: 'gender_based_violence', personId: h.head, consent: { given: true } })).json()
      .id as string;
  const [shared, unshared] = [await open(), await open()];
  expect((await t.post(worker, `/api/v1/cases/${shared}/share`, { userId: far.id })).statusCode).toBe(200);
  expect((await t.get(far, `/api/v1/cases/${shared}`)).statusCode).toBe(200);
  expect((await t.get(far, `/api/v1/cases/${unshared}`)).statusCode).toBe(404);
  const listed = await t.get(far, `/api/v1/persons/${h.head}/cases`);
  expect(listed.statusCode).toBe(200);
  expect(listed.json().items.map((c: { id: string; mayOpen: boolean }) => [c.id, c.mayOpen])).toEqual([[shared, true]]);
});
