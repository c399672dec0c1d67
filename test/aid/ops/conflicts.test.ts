// GET /api/v1/aid/cycles/:id/conflicts and POST /api/v1/aid/redemptions/:id/review: a second
// redemption of an entitlement synced from another offline device is listed as a conflict; a
// reviewer settles it (and may correct the review); the standing one is untouched ("stands": test/aid/afterDistribution.test.ts).
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { type Scenario, scenario } from '../../support/aidScenario.ts';
import type { TestUser } from '../../support/factories.ts';
import { useTestApp } from '../../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
let standingId: string;
let conflictId: string;
let outsider: TestUser;
let pointId: string;

type Conflict = { id: string; entitlementId: string; householdId: string; standingId: string | null; review: string; presented: string };

const conflicts = async (u: TestUser = s.officer) => {
  const res = await t.get(u, `/api/v1/aid/cycles/${s.cycleId}/conflicts`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { conflicts: Conflict[] }).conflicts;
};
const review = (u: TestUser, id: string, decision: string, opts = {}) =>
  t.post(u, `/api/v1/aid/redemptions/${id}/review`, { decision, reason: 'checked with both officers' }, opts);
const rowOf = async (id: string) =>
  (await t.db.pool.query('SELECT status, review, reviewed_at FROM redemption WHERE id = $1', [id])).rows[0] as {
    status: string;
    review: string | null;
    reviewed_at: Date | null;
  };

beforeAll(async () => {
  s = await scenario(t, { households: 30 });
  outsider = await t.user({ role: 'distribution_officer' });
  let e: { id: string; householdId: string } | undefined;
  for (const point of [s.points.gaza, s.points.khanYounis, s.points.site]) {
    const manifest = await t.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/manifest?point=${point}`);
    expect(manifest.statusCode).toBe(200);
    const ents = (manifest.json() as { entitlements: { id: string; householdId: string }[] }).entitlements;
    e = ents.find((x) => s.cards.has(x.householdId));
    if (e) {
      pointId = point;
      break;
    }
  }
  if (!e) throw new Error('the scenario gave no entitlement with a card');
  const card = s.cards.get(e.householdId)!.token;
  const sync = async (deviceId: string) => {
    const id = randomUUID();
    const res = await t.post(s.officer, '/api/v1/aid/sync', {
      batchId: randomUUID(),
      pointId,
      deviceId,
      redemptions: [{ id, entitlementId: e.id, card, redeemedAt: new Date().toISOString() }],
    });
    expect(res.statusCode).toBe(200);
    return { id, status: (res.json() as { results: { status: string }[] }).results[0]!.status };
  };
  const first = await sync('dev-one');
  const second = await sync('dev-two');
  expect([first.status, second.status]).toEqual(['standing', 'conflict']);
  standingId = first.id;
  conflictId = second.id;
});

test('the conflict is listed with the redemption that stands, open for review', async () => {
  const list = await conflicts();
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({
    id: conflictId,
    standingId,
    review: 'open',
    presented: 'qr',
    deviceId: 'dev-two',
    pointId,
  });
  expect(list[0]).toHaveProperty('redeemedAt', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
  // the auditor reads it too
  expect(await conflicts(await t.user({ role: 'auditor', orgId: s.officer.orgId }))).toHaveLength(1);
});

test('a review settles the conflict and is logged; a later review corrects it; the standing one is unchanged', async () => {
  const before = await rowOf(standingId);
  const res = await review(s.officer, conflictId, 'duplicate_confirmed');
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ id: conflictId, review: 'duplicate_confirmed', standingId });
  expect((await conflicts())[0]!.review).toBe('duplicate_confirmed');
  const log = await t.db.pool.query(
    "SELECT after, reason FROM change_log WHERE entity = 'redemption' AND entity_id = $1 AND action = 'review'",
    [conflictId],
  );
  expect(log.rows).toEqual([{ after: { decision: 'duplicate_confirmed', standingId }, reason: 'checked with both officers' }]);

  expect((await review(s.officer, conflictId, 'accepted')).json()).toEqual({ id: conflictId, review: 'accepted', standingId });
  expect((await rowOf(conflictId)).review).toBe('accepted');
  expect(await rowOf(standingId)).toEqual(before);
});

test('a replay under the same Idempotency-Key answers the same and changes nothing', async () => {
  const key = randomUUID();
  const first = await review(s.officer, conflictId, 'duplicate_confirmed', { idempotencyKey: key });
  expect(first.statusCode).toBe(200);
  const at = (await rowOf(conflictId)).reviewed_at;
  const again = await review(s.officer, conflictId, 'duplicate_confirmed', { idempotencyKey: key });
  expect(again.statusCode).toBe(200);
  expect(again.headers['idempotent-replay']).toBe('true');
  expect(again.json()).toEqual(first.json());
  expect((await rowOf(conflictId)).reviewed_at).toEqual(at);
});

test('the standing redemption, an unknown id and a malformed id are not conflicts: 404', async () => {
  for (const id of [standingId, randomUUID(), 'not-a-uuid']) {
    const res = await review(s.officer, id, 'accepted');
    expect(res.statusCode, id).toBe(404);
    expect(res.json().type).toBe('/problems/not_found');
  }
  expect((await rowOf(standingId)).review).toBeNull();
});

test('an unknown decision is refused naming the field', async () => {
  const res = await review(s.officer, conflictId, 'maybe');
  expect(res.statusCode).toBe(422);
  expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['decision']);
});

test('another organisation: 404 for the list and the review, and nothing changes', async () => {
  const before = await rowOf(conflictId);
  expect((await t.get(outsider, `/api/v1/aid/cycles/${s.cycleId}/conflicts`)).statusCode).toBe(404);
  const res = await review(outsider, conflictId, 'duplicate_confirmed');
  expect(res.statusCode).toBe(404);
  expect(await rowOf(conflictId)).toEqual(before);
});

test('roles the matrix does not allow: 403', async () => {
  const registrar = await t.user({ role: 'registration_officer', orgId: s.officer.orgId });
  const auditor = await t.user({ role: 'auditor', orgId: s.officer.orgId });
  expect((await t.get(registrar, `/api/v1/aid/cycles/${s.cycleId}/conflicts`)).statusCode).toBe(403);
  expect((await review(registrar, conflictId, 'accepted')).statusCode).toBe(403);
  expect((await review(auditor, conflictId, 'accepted')).statusCode).toBe(403);
});
