// /api/v1/tickets: a complaint taken at a desk, answered and closed within its deadline by two focal
// points (four eyes); sensitive tickets seen by focal points only; bad input named.
import { expect, test } from 'vitest';
import { nextTicketState } from '../../src/tickets/flow.ts';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('flow (pure): assigned, started, held and resumed, answer proposed, approved by someone else', () => {
  const ctx = { actorId: 'a', proposedBy: null };
  expect(nextTicketState('new', 'assign', ctx)).toBe('assigned');
  expect(nextTicketState('assigned', 'start', ctx)).toBe('in_progress');
  expect(nextTicketState('in_progress', 'hold', ctx)).toBe('on_hold');
  expect(nextTicketState('on_hold', 'resume', ctx)).toBe('in_progress');
  expect(nextTicketState('in_progress', 'propose_answer', ctx)).toBe('for_approval');
  expect(() => nextTicketState('for_approval', 'approve', { actorId: 'a', proposedBy: 'a' })).toThrow();
  expect(nextTicketState('for_approval', 'approve', { actorId: 'b', proposedBy: 'a' })).toBe('closed');
  expect(() => nextTicketState('closed', 'start', ctx)).toThrow();
});

test('a missed-assistance complaint at a desk: assigned, answered, approved, closed on time; the text stays out of the log', async () => {
  const officer = await t.user({ role: 'distribution_officer' });
  const focal = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId });
  const focal2 = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId });
  const h = await household(t, await t.user({ orgId: officer.orgId }), []);
  const taken = await t.post(officer, '/api/v1/tickets', {
    channel: 'desk',
    category: 'missed_assistance',
    personId: h.head,
    description: 'the family got no parcel in the last cycle',
  });
  expect(taken.statusCode, taken.body).toBe(201);
  const tk = taken.json();
  expect(tk).toMatchObject({ status: 'new', sensitive: false, person: { id: h.head }, householdId: h.id });
  expect(Date.parse(tk.dueAt) - Date.parse(tk.createdAt)).toBeCloseTo(7 * 86400_000, -5);
  const step = (u: typeof focal, body: object) => t.post(u, `/api/v1/tickets/${tk.id}/steps`, body);
  expect((await step(officer, { action: 'assign', userId: focal.id })).json().type).toBe('/problems/ticket_step_refused');
  expect((await step(focal, { action: 'assign', userId: focal.id })).json().status).toBe('assigned');
  expect((await step(focal, { action: 'start' })).json().status).toBe('in_progress');
  expect((await step(focal, { action: 'propose_answer' })).json().errors[0]).toMatchObject({ field: 'answer', reason: 'required' });
  await step(focal, { action: 'propose_answer', answer: 'the parcel is at the point; collect it with the card' });
  expect((await step(focal, { action: 'approve' })).json().type).toBe('/problems/ticket_step_refused'); // four eyes
  const closed = (await step(focal2, { action: 'approve' })).json();
  expect(closed).toMatchObject({ status: 'closed', closedOnTime: true, answer: 'the parcel is at the point; collect it with the card' });
  expect(closed.answeredAt).not.toBeNull();
  const read = (await t.get(officer, `/api/v1/tickets/${tk.id}`)).json();
  expect(read.events.map((e: { action: string }) => e.action)).toEqual(['taken', 'assign', 'start', 'propose_answer', 'approve']);
  const log = await t.db.pool.query("SELECT after::text AS after FROM change_log WHERE entity = 'ticket' AND entity_id = $1", [tk.id]);
  expect(log.rows.map((r) => r.after ?? '').join(' ')).not.toMatch(/parcel/);
});

test('an answer sent back is no longer proposed: its text stays as the draft, and whoever proposes again is the one another must approve', async () => {
  const officer = await t.user({ role: 'distribution_officer' });
  const [a, b] = [
    await t.user({ role: 'feedback_focal_point', orgId: officer.orgId }),
    await t.user({ role: 'feedback_focal_point', orgId: officer.orgId }),
  ];
  const h = await household(t, await t.user({ orgId: officer.orgId }), []);
  const tk = (
    await t.post(officer, '/api/v1/tickets', {
      channel: 'hotline',
      category: 'missed_assistance',
      personId: h.head,
      description: 'no parcel',
    })
  ).json();
  const step = (u: typeof a, body: object) => t.post(u, `/api/v1/tickets/${tk.id}/steps`, body);
  await step(a, { action: 'assign', userId: a.id });
  await step(a, { action: 'start' });
  await step(a, { action: 'propose_answer', answer: 'first draft' });
  const back = (await step(b, { action: 'send_back', note: 'name the point' })).json();
  expect(back).toMatchObject({ status: 'in_progress', proposedBy: null, answer: 'first draft' });
  // b now writes the answer: b cannot approve it, a can
  await step(b, { action: 'propose_answer', answer: 'collect it at the north point' });
  expect((await step(b, { action: 'approve' })).json().type).toBe('/problems/ticket_step_refused');
  expect((await step(a, { action: 'approve' })).json()).toMatchObject({ status: 'closed', answer: 'collect it at the north point' });
});

test('a sensitive ticket is seen by the focal points only, not even by the one who took it', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const focal = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId });
  const caseworker = await t.user({ role: 'caseworker', orgId: officer.orgId });
  const elsewhere = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId, governorates: ['PS0105'] });
  const tk = (
    await t.post(officer, '/api/v1/tickets', {
      channel: 'hotline',
      category: 'sexual_exploitation_abuse',
      governorate: 'PS0260',
      description: 'x',
    })
  ).json();
  expect(tk.sensitive).toBe(true);
  expect(Date.parse(tk.dueAt) - Date.parse(tk.createdAt)).toBeCloseTo(2 * 86400_000, -5);
  for (const u of [officer, caseworker, elsewhere]) {
    expect((await t.get(u, `/api/v1/tickets/${tk.id}`)).statusCode).toBe(404);
    expect((await t.get(u, '/api/v1/tickets')).json().items.map((x: { id: string }) => x.id)).not.toContain(tk.id);
  }
  expect((await t.get(focal, '/api/v1/tickets')).json().items.map((x: { id: string }) => x.id)).toContain(tk.id);
  const stranger = await t.user({ role: 'feedback_focal_point' });
  expect((await t.get(stranger, `/api/v1/tickets/${tk.id}`)).statusCode).toBe(404);
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId });
  expect((await t.get(analyst, '/api/v1/tickets')).statusCode).toBe(403);
});

test('bad input: 422 naming the field; a governorate outside yours is refused', async () => {
  const u = await t.user({ role: 'site_manager', governorates: ['PS0260'] });
  for (const [body, field] of [
    [{ channel: 'pigeon', category: 'other', governorate: 'PS0260', description: 'x' }, 'channel'],
    [{ channel: 'desk', category: 'gossip', governorate: 'PS0260', description: 'x' }, 'category'],
    [{ channel: 'desk', category: 'other', governorate: 'PS0260' }, 'description'],
    [{ channel: 'desk', category: 'other', description: 'x' }, 'governorate'],
    [{ channel: 'desk', category: 'other', governorate: 'PS0105', description: 'x' }, 'governorate'],
  ] as const) {
    const r = await t.post(u, '/api/v1/tickets', body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field, JSON.stringify(body)).toBe(field);
  }
});

test('the queue is read a page at a time, the most urgent first, each open ticket once; a bad cursor is named', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const focal = await t.user({ role: 'feedback_focal_point', orgId: officer.orgId });
  const categories = ['missed_assistance', 'data_correction', 'sexual_exploitation_abuse', 'other', 'missed_assistance', 'other', 'fraud'];
  const taken: string[] = [];
  for (const category of categories) {
    const r = await t.post(officer, '/api/v1/tickets', { channel: 'desk', category, governorate: 'PS0260', description: 'x' });
    expect(r.statusCode, r.body).toBe(201);
    taken.push(r.json().id);
  }
  const pages: { id: string; dueAt: string }[][] = [];
  let cursor: string | null = null;
  do {
    const r = await t.get(focal, `/api/v1/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    pages.push(r.json().items);
    cursor = r.json().nextCursor;
  } while (cursor && pages.length < 10);
  expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
  const ids = pages.flat().map((x) => x.id);
  expect(new Set(ids)).toEqual(new Set(taken));
  const due = pages.flat().map((x) => Date.parse(x.dueAt));
  expect(due).toEqual([...due].sort((a, b) => a - b));
  // the whole queue in one page is the same order
  expect((await t.get(focal, '/api/v1/tickets?limit=100')).json().items.map((x: { id: string }) => x.id)).toEqual(ids);
  const bad = await t.get(focal, '/api/v1/tickets?cursor=bm90LWEtY3Vyc29y');
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors[0]).toMatchObject({ field: 'cursor', reason: 'not_a_cursor' });
});
