// POST/GET /api/v1/persons/:id/life-events, POST /api/v1/life-events/:id/correct and /withdraw.
import { expect, test } from 'vitest';
import { household, refusesOutsiders } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const url = (id: string) => `/api/v1/persons/${id}/life-events`;

test('a death reported by the family stays "reported"; a hospital report confirms it; each report is logged', async () => {
  const u = await t.user({ role: 'caseworker' });
  const { head } = await household(t, u, ['spouse']);
  const first = await t.post(u, url(head), { kind: 'death', date: '2024-03-02', source: 'family_report', confidence: 'high' });
  expect(first.statusCode, first.body).toBe(201);
  expect(first.json()).toMatchObject({ kind: 'death', date: '2024-03-02', source: 'family_report', state: 'reported', version: 1 });
  const again = await t.post(u, url(head), { kind: 'death', source: 'family_report' });
  expect(again.json().state).toBe('reported');
  const second = await t.post(u, url(head), { kind: 'death', source: 'hospital' });
  expect(second.json().state).toBe('confirmed');
  const list = await t.get(u, url(head));
  expect(list.json().items.map((e: { state: string }) => e.state)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  const log = await t.db.pool.query("SELECT action FROM change_log WHERE entity = 'life_event' ORDER BY seq");
  expect(log.rows.map((r) => r.action)).toEqual(['report', 'report', 'report', 'confirmed']);
});

test('an official record confirms on its own; an injury keeps its severity, a disability its Washington Group answers', async () => {
  const u = await t.user();
  const { head, others } = await household(t, u, ['son']);
  expect((await t.post(u, url(head), { kind: 'death', source: 'official_record' })).json().state).toBe('confirmed');
  const injury = await t.post(u, url(others[0]!), {
    kind: 'injury',
    source: 'hospital',
    detail: { severity: 'severe', lifeChanging: true, amputation: true },
  });
  expect(injury.json().detail).toEqual({ severity: 'severe', lifeChanging: true, amputation: true });
  const wg = await t.post(u, url(others[0]!), {
    kind: 'disability',
    source: 'field_visit',
    detail: { washingtonGroup: { walking: 'cannot_do', seeing: 'no_difficulty' } },
  });
  expect(wg.json().detail).toEqual({ washingtonGroup: { walking: 'cannot_do', seeing: 'no_difficulty' } });
});

test('bad input: 422 naming the field (kind, source, future date, detail of another kind, unknown detail)', async () => {
  const u = await t.user();
  const { head } = await household(t, u, []);
  for (const [body, field] of [
    [{ kind: 'asleep', source: 'hospital' }, 'kind'],
    [{ kind: 'death' }, 'source'],
    [{ kind: 'death', source: 'rumour' }, 'source'],
    [{ kind: 'death', source: 'hospital', date: '2999-01-01' }, 'date'],
    [{ kind: 'death', source: 'hospital', detail: { severity: 'severe' } }, 'detail.severity'],
    [{ kind: 'injury', source: 'hospital', detail: { colour: 'red' } }, 'detail.colour'],
    [{ kind: 'disability', source: 'hospital', detail: { washingtonGroup: { walking: 'badly' } } }, 'detail.washingtonGroup.walking'],
  ] as const) {
    const r = await t.post(u, url(head), body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field, JSON.stringify(body)).toBe(field);
  }
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM life_event WHERE person_id = $1', [head])).rows[0].n).toBe(0);
});

test('a correction keeps what the report said before, with the reason; withdrawing the confirming report unconfirms', async () => {
  const u = await t.user();
  const { head } = await household(t, u, []);
  const a = (await t.post(u, url(head), { kind: 'death', source: 'family_report', date: '2024-01-05' })).json();
  const b = (await t.post(u, url(head), { kind: 'death', source: 'hospital' })).json();
  expect(b.state).toBe('confirmed');
  const fixed = await t.post(u, `/api/v1/life-events/${a.id}/correct`, {
    version: 1,
    source: 'family_report',
    date: '2024-01-04',
    reason: 'date from the burial record',
  });
  expect(fixed.statusCode, fixed.body).toBe(200);
  expect(fixed.json()).toMatchObject({ date: '2024-01-04', version: 2, state: 'confirmed' });
  const entry = await t.db.pool.query("SELECT before, after, reason FROM change_log WHERE action = 'correct'");
  expect(entry.rows[0]).toMatchObject({
    before: { date: '2024-01-05' },
    after: { date: '2024-01-04' },
    reason: 'date from the burial record',
  });
  const stale = await t.post(u, `/api/v1/life-events/${a.id}/correct`, { version: 1, source: 'hospital', reason: 'x' });
  expect(stale.json().type).toBe('/problems/version_conflict');
  const w = await t.post(u, `/api/v1/life-events/${b.id}/withdraw`, { version: 1, reason: 'another patient of the same name' });
  expect(w.json()).toMatchObject({ state: 'withdrawn', withdrawnReason: 'another patient of the same name' });
  const list = (await t.get(u, url(head))).json().items;
  expect(list.map((e: { state: string }) => e.state).sort()).toEqual(['reported', 'withdrawn']);
  const again = await t.post(u, `/api/v1/life-events/${b.id}/withdraw`, { version: 2, reason: 'twice' });
  expect(again.json().type).toBe('/problems/life_event_withdrawn');
});

test('security: another organisation gets 404, a role without the right 403, nothing changes', async () => {
  const u = await t.user();
  const { head } = await household(t, u, []);
  await refusesOutsiders(t, u, url(head), { kind: 'injury', source: 'hospital' }, 'distribution_officer');
  const e = (await t.post(u, url(head), { kind: 'injury', source: 'hospital' })).json();
  await refusesOutsiders(t, u, `/api/v1/life-events/${e.id}/withdraw`, { version: 1, reason: 'x' }, 'site_manager');
  const stranger = await t.user({ role: 'administrator' });
  expect((await t.get(stranger, url(head))).statusCode).toBe(404);
  expect((await t.get(await t.user({ role: 'auditor', orgId: u.orgId }), url(head))).statusCode).toBe(403);
});
