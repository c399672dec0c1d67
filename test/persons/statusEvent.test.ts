// POST /api/v1/persons/:id/status-events: injured, disability, deceased, missing, found.
import { expect, test } from 'vitest';
import { household, refusesOutsiders } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const url = (id: string) => `/api/v1/persons/${id}/status-events`;

test('recorded with its date, source and note (201); without a date the date stays unknown; logged', async () => {
  const u = await t.user({ role: 'caseworker' });
  const { head } = await household(t, u, []);
  const r = await t.post(u, url(head), { kind: 'missing', date: '2024-01-20', source: 'neighbour', note: 'last seen at the market' });
  expect(r.statusCode).toBe(201);
  expect(r.json()).toMatchObject({ kind: 'missing', date: '2024-01-20', source: 'neighbour', note: 'last seen at the market' });
  expect(Date.parse(r.json().recordedAt)).not.toBeNaN();
  const undated = await t.post(u, url(head), { kind: 'found' });
  expect(undated.json()).toMatchObject({ kind: 'found', date: null, source: null, note: null });
  const rows = await t.db.pool.query('SELECT kind, event_date FROM person_status_event WHERE person_id = $1 ORDER BY recorded_at', [head]);
  expect(rows.rows).toEqual([
    { kind: 'missing', event_date: '2024-01-20' },
    { kind: 'found', event_date: null },
  ]);
  const log = await t.db.pool.query("SELECT action FROM change_log WHERE entity = 'person_status' AND entity_id = $1 ORDER BY seq", [head]);
  expect(log.rows.map((e) => e.action)).toEqual(['missing', 'found']);
});

test('a future or impossible date, an unknown kind: 422 naming the field', async () => {
  const u = await t.user();
  const { head } = await household(t, u, []);
  for (const [body, field] of [
    [{ kind: 'injured', date: '2999-01-01' }, 'date'],
    [{ kind: 'injured', date: '2024-02-30' }, 'date'],
    [{ kind: 'injured', date: '20240101' }, 'date'],
    [{ kind: 'asleep' }, 'kind'],
  ] as const) {
    const r = await t.post(u, url(head), body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors[0].field).toBe(field);
  }
});

test('another organisation: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const { head } = await household(t, u, []);
  await refusesOutsiders(t, u, url(head), { kind: 'injured' }, 'distribution_officer');
});
