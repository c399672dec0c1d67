// Offline distribution: replays change nothing; two devices redeeming the same entitlement offline
// give one standing redemption and one conflict for review; nothing is dropped.
import { beforeAll, expect, test } from 'vitest';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
beforeAll(async () => {
  s = await scenario(t, { households: 150 });
});

const device = (name: string, point: string) => new Device(name, point, injectTransport(t.app, { ...s.officer.auth, 'x-device-id': name }));
const count = async (sql: string, params: unknown[] = []) => (await t.db.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

test('the generated cycle assigns entitlements to the points', async () => {
  const d = device('dev-1', s.points.gaza);
  const m = await d.download(s.cycleId);
  expect(m.entitlements.length).toBeGreaterThan(0);
  expect(JSON.stringify(m)).not.toMatch(/full_name|given|national/i);
  expect(m.keys.length).toBe(1);
});

test('replaying every sync batch 1-5 times, in random order and concurrently, leaves exactly one redemption each', async () => {
  const d = device('dev-replay', s.points.gaza);
  const m = await d.download(s.cycleId);
  let made = 0;
  for (const h of new Set(m.entitlements.map((e) => e.householdId))) {
    const card = s.cards.get(h);
    if (!card) continue;
    const r = d.redeemOffline(card.token);
    if (r.ok) made += r.redemptions.length;
  }
  expect(made).toBeGreaterThan(10);
  // Cut the outbox into batches, then send each 1-5 times, shuffled, 4 at a time concurrently.
  const ids = d.outbox.map((r) => r.id);
  const batches: Device['sent'] = [];
  for (let i = 0; i < d.outbox.length; i += 7)
    batches.push({ batchId: crypto.randomUUID(), pointId: s.points.gaza, deviceId: 'dev-replay', redemptions: d.outbox.slice(i, i + 7) });
  const sends = batches.flatMap((b) => Array.from({ length: 1 + Math.floor(Math.random() * 5) }, () => b));
  sends.sort(() => Math.random() - 0.5);
  const results: { id: string; status: string }[][] = [];
  for (let i = 0; i < sends.length; i += 4) results.push(...(await Promise.all(sends.slice(i, i + 4).map((b) => d.send(b)))));
  for (const rs of results) for (const r of rs) expect(r.status).toBe('standing');
  expect(await count('SELECT count(*)::int AS n FROM redemption WHERE id = ANY($1::uuid[])', [ids])).toBe(ids.length);
  expect(await count("SELECT count(*)::int AS n FROM redemption WHERE id = ANY($1::uuid[]) AND status = 'standing'", [ids])).toBe(
    ids.length,
  );
  expect(
    await count(
      'SELECT count(*)::int AS n FROM (SELECT entitlement_id FROM redemption WHERE id = ANY($1::uuid[]) GROUP BY 1 HAVING count(*) > 1) x',
      [ids],
    ),
  ).toBe(0);
  // One change-log entry per batch that changed something: exactly one per distinct batch content.
  const logged = await count(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'redemption_batch' AND entity_id = ANY($1::uuid[])",
    [batches.map((b) => b.batchId)],
  );
  expect(logged).toBe(batches.length);
  // a replay answers as before
  const again = await d.send(batches[0]!);
  expect(again.every((r) => r.status === 'standing' && r.replayed)).toBe(true);
});

test('two devices redeeming the same entitlement offline: one stands, the other is a conflict for review', async () => {
  const a = device('dev-a', s.points.khanYounis);
  const b = device('dev-b', s.points.khanYounis);
  const m = await a.download(s.cycleId);
  await b.download(s.cycleId);
  const households = [...new Set(m.entitlements.map((e) => e.householdId))].filter((h) => s.cards.has(h)).slice(0, 5);
  expect(households.length).toBe(5);
  for (const h of households) {
    expect(a.redeemOffline(s.cards.get(h)!.token).ok).toBe(true);
    expect(b.redeemOffline(s.cards.get(h)!.token).ok).toBe(true); // b is offline too: it cannot know
  }
  const [ra, rb] = await Promise.all([a.sync(), b.sync()]);
  const all = [...ra, ...rb];
  const n = all.length / 2;
  expect(all.filter((r) => r.status === 'standing').length).toBe(n);
  expect(all.filter((r) => r.status === 'conflict').length).toBe(n);
  const ents = [...a.sent.flatMap((x) => x.redemptions), ...b.sent.flatMap((x) => x.redemptions)].map((r) => r.entitlementId);
  for (const e of new Set(ents)) {
    const rows = (
      await t.db.pool.query('SELECT id, status, conflict_of, review FROM redemption WHERE entitlement_id = $1 ORDER BY status DESC', [e])
    ).rows;
    expect(rows.map((r) => r.status).sort()).toEqual(['conflict', 'standing']);
    const standing = rows.find((r) => r.status === 'standing')!;
    const conflict = rows.find((r) => r.status === 'conflict')!;
    expect(conflict.conflict_of).toBe(standing.id);
    expect(conflict.review).toBe('open');
  }
  const list = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/conflicts`);
  expect(list.status).toBe(200);
  expect(list.body.conflicts.length).toBe(n);
  const review = await s.post(s.officer, `/api/v1/aid/redemptions/${list.body.conflicts[0].id}/review`, {
    decision: 'duplicate_confirmed',
    reason: 'the second device recorded it again',
  });
  expect(review.status).toBe(200);
  // a replay of both devices' batches changes nothing
  const before = await count('SELECT count(*)::int AS n FROM redemption');
  for (const batch of [...a.sent, ...b.sent]) await a.send(batch);
  expect(await count('SELECT count(*)::int AS n FROM redemption')).toBe(before);
});

test('online: the second redemption of an entitlement is refused (409), a replay of the first answers 200', async () => {
  const d = device('dev-online', s.points.site);
  const m = await d.download(s.cycleId);
  const e = m.entitlements.find((x) => !x.redeemed && s.cards.has(x.householdId))!;
  const card = s.cards.get(e.householdId)!.token;
  const id = crypto.randomUUID();
  const first = await d.redeemOnline(card, e.id, id);
  expect(first.status).toBe(201);
  expect(first.body.status).toBe('standing');
  expect((await d.redeemOnline(card, e.id, id)).status).toBe(200);
  const second = await d.redeemOnline(card, e.id);
  expect(second.status).toBe(409);
  expect(second.body.reason).toBe('already_redeemed');
  // the same id for a different entitlement is refused, not applied
  const other = m.entitlements.find((x) => x.householdId === e.householdId && x.id !== e.id) ?? m.entitlements.find((x) => x.id !== e.id)!;
  const reused = await d.redeemOnline(s.cards.get(other.householdId)?.token ?? card, other.id, id);
  expect(reused.status).toBe(422);
  expect(reused.body.reason).toBe('id_reused');
});

test('online, concurrently: many devices redeem the same entitlement at once; exactly one stands', async () => {
  const d = device('dev-burst', s.points.site);
  const m = await d.download(s.cycleId);
  const free = m.entitlements.filter((x) => !x.redeemed && s.cards.has(x.householdId)).slice(0, 3);
  const [e1, e2, e3] = free as [(typeof free)[0], (typeof free)[0], (typeof free)[0]];
  const card = (e: typeof e1) => s.cards.get(e.householdId)!.token;
  const rs = await Promise.all(Array.from({ length: 20 }, () => d.redeemOnline(card(e1), e1.id)));
  expect(rs.filter((r) => r.status === 201).length).toBe(1);
  expect(rs.filter((r) => r.status === 409).length).toBe(19);
  const id = crypto.randomUUID();
  const same = await Promise.all(Array.from({ length: 10 }, () => d.redeemOnline(card(e2), e2.id, id)));
  expect(same.filter((r) => r.status === 201).length).toBe(1);
  expect(same.filter((r) => r.status === 200).length).toBe(9);
  // mixed in one group with a forged card: the good one stands, the forged one is refused
  const [good, bad] = await Promise.all([d.redeemOnline(card(e3), e3.id), d.redeemOnline(`${card(e3).slice(0, -6)}AAAAAA`, e3.id)]);
  expect(good.status).toBe(201);
  expect(bad.status).toBe(422);
  expect(
    await count("SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = ANY($1::uuid[]) AND status = 'standing'", [
      [e1.id, e2.id, e3.id],
    ]),
  ).toBe(3);
  expect(await count('SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = ANY($1::uuid[])', [[e1.id, e2.id, e3.id]])).toBe(3);
});

test('online redemptions from several devices committed together: one change-log entry per device, the chain verifies', async () => {
  const devs = ['dev-g1', 'dev-g2', 'dev-g3'].map((n) => device(n, s.points.khanYounis));
  const m = await devs[0]!.download(s.cycleId);
  const free = m.entitlements.filter((x) => !x.redeemed && s.cards.has(x.householdId)).slice(0, 12);
  expect(free.length).toBe(12);
  const rs = await Promise.all(free.map((e, i) => devs[i % 3]!.redeemOnline(s.cards.get(e.householdId)!.token, e.id)));
  expect(rs.every((r) => r.status === 201)).toBe(true);
  const logged = (
    await t.db.pool.query<{ device_id: string; after: { standing: string[] } }>(
      "SELECT device_id, after FROM change_log WHERE entity = 'redemption_batch' AND device_id LIKE 'dev-g%'",
    )
  ).rows;
  expect(new Set(logged.map((l) => l.device_id))).toEqual(new Set(['dev-g1', 'dev-g2', 'dev-g3']));
  expect(logged.flatMap((l) => l.after.standing).sort()).toEqual(rs.map((r) => r.body.id).sort());
  expect((await s.get(s.admin, '/api/v1/audit/verify')).body.ok).toBe(true);
});

test('the device clock is not trusted: a redemption dated 2000-01-01 with a card revoked as stolen is held, never standing', async () => {
  const d = device('dev-clock', s.points.khanYounis);
  const m = await d.download(s.cycleId);
  const e = m.entitlements.find((x) => !x.redeemed && s.cards.has(x.householdId))!;
  const card = s.cards.get(e.householdId)!;
  const r = d.redeemOffline(card.token, new Date('2000-01-01T00:00:00Z'));
  expect(r.ok).toBe(true);
  expect((await s.post(s.officer, `/api/v1/aid/cards/${card.serial}/revoke`, { reason: 'stolen' })).status).toBe(200);
  const res = await d.sync();
  expect(res.length).toBeGreaterThan(0);
  for (const x of res) expect(x).toMatchObject({ status: 'conflict', held: 'before_card' });
  const ids = res.map((x) => x.id);
  expect(await count("SELECT count(*)::int AS n FROM redemption WHERE id = ANY($1::uuid[]) AND status = 'standing'", [ids])).toBe(0);
  // a replay answers the same
  const again = await d.send(d.sent[d.sent.length - 1]!);
  for (const x of again) expect(x).toMatchObject({ status: 'conflict', held: 'before_card', replayed: true });
});

test('a closed cycle takes no new redemption: online refused, offline ones made before held for review, after it refused', async () => {
  const d = device('dev-close', s.points.site);
  const m = await d.download(s.cycleId);
  const free = m.entitlements.filter((x) => !x.redeemed && s.cards.has(x.householdId));
  const households = [...new Set(free.map((x) => x.householdId))];
  // made before the close: stamped a millisecond after its card was issued and its cycle generated,
  // the earliest moment it could be valid (stamping it "now" raced the close's stamp in CI runs)
  const earliest = (
    await t.db.pool.query<{ at: Date }>(
      `SELECT greatest(max(hc.issued_at), (SELECT generated_at FROM aid_cycle WHERE id = $1)) AS at
       FROM household_card hc WHERE hc.household_id = $2`,
      [s.cycleId, households[0]],
    )
  ).rows[0]!.at;
  const before = d.redeemOffline(s.cards.get(households[0]!)!.token, new Date(earliest.getTime() + 1));
  expect(before.ok).toBe(true);
  const other = free.find((x) => x.householdId === households[1])!;
  expect((await s.post(s.officer, `/api/v1/aid/cycles/${s.cycleId}/close`)).status).toBe(200);
  const online = await d.redeemOnline(s.cards.get(other.householdId)!.token, other.id);
  expect(online.status).toBe(422);
  expect(online.body.reason).toBe('cycle_closed');
  const after = d.redeemOffline(s.cards.get(households[2]!)!.token, new Date(Date.now() + 1000));
  expect(after.ok).toBe(true);
  const res = await d.sync();
  const of = (r: { redemptions: { id: string }[] } | { ok: false }) => ('redemptions' in r ? r.redemptions.map((x) => x.id) : []);
  const beforeRes = res.filter((r) => of(before).includes(r.id));
  const afterRes = res.filter((r) => of(after).includes(r.id));
  expect(beforeRes.length).toBeGreaterThan(0);
  expect(afterRes.length).toBeGreaterThan(0);
  // each outcome with its reason, so that a failure says which (one CI run saw a "before" one that was not held)
  const said = (r: (typeof res)[number]) => [r.status, (r as { held?: string }).held ?? (r as { reason?: string }).reason];
  expect(beforeRes.map(said)).toEqual(beforeRes.map(() => ['conflict', 'after_close']));
  expect(afterRes.map(said)).toEqual(afterRes.map(() => ['rejected', 'cycle_closed']));
  const standing = await count(
    "SELECT count(*)::int AS n FROM redemption WHERE cycle_id = $1 AND status = 'standing' AND received_at > (SELECT closed_at FROM aid_cycle WHERE id = $1)",
    [s.cycleId],
  );
  expect(standing).toBe(0);
  // the held ones are listed for review with their reason
  const listed = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/conflicts`);
  expect(listed.status).toBe(200);
  const held = listed.body.conflicts.filter((c: { id: string }) => of(before).includes(c.id));
  expect(held.map((c: { held: string }) => c.held)).toEqual(of(before).map(() => 'after_close'));
  expect((await s.post(s.officer, `/api/v1/aid/cycles/${s.cycleId}/close`)).status).toBe(409);
});

test('the audit chain still verifies', async () => {
  const r = await s.get(s.admin, '/api/v1/audit/verify');
  expect(r.status).toBe(200);
  expect(r.body.ok).toBe(true);
});
