// Property: whatever devices redeem offline, however their batches are cut, replayed (1-3 times)
// and interleaved concurrently, every device id is stored exactly once, each entitlement has
// exactly one standing redemption, and every other redemption of it is a conflict pointing at it.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport, type Manifest } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
const pool: { point: string; household: string }[] = [];
beforeAll(async () => {
  s = await scenario(t, { households: 300 });
  for (const point of Object.values(s.points)) {
    const m = (await new Device('probe', point, injectTransport(t.app, s.officer.auth)).download(s.cycleId)) as Manifest;
    const hs = [...new Set(m.entitlements.map((e) => e.householdId))].filter((h) => s.cards.has(h));
    pool.push(...hs.slice(0, hs.length - (hs.length % 4)).map((household) => ({ point, household })));
  }
});

test('any cut, replay and interleaving of offline batches from several devices', async () => {
  expect(pool.length).toBeGreaterThanOrEqual(32);
  let next = 0;
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 3 }),
      fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 30, maxLength: 30 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (nDevices, picks, batchSize, repeats, seed) => {
        const taken = pool.slice(next, next + 4); // four households of one point (the pool is cut in fours per point)
        next += 4;
        if (taken.length < 4) return; // pool used up
        const households = taken.map((t) => t.household);
        const point = taken[0]!.point;
        const devices = Array.from({ length: nDevices }, (_, i) => new Device(`p${i}`, point, injectTransport(t.app, s.officer.auth)));
        for (const d of devices) await d.download(s.cycleId);
        devices.forEach((d, i) => {
          for (const k of new Set(picks[i] ?? [])) d.redeemOffline(s.cards.get(households[k]!)!.token);
        });
        const ids = devices.flatMap((d) => d.outbox.map((r) => r.id));
        const ents = devices.flatMap((d) => d.outbox.map((r) => r.entitlementId));
        // cut into batches, repeat each, shuffle (seeded), send 3 at a time concurrently
        const sends: { d: Device; b: Device['sent'][number] }[] = [];
        let r = 0;
        for (const d of devices) {
          for (let i = 0; i < d.outbox.length; i += batchSize) {
            const b = { batchId: crypto.randomUUID(), pointId: point, deviceId: d.deviceId, redemptions: d.outbox.slice(i, i + batchSize) };
            for (let k = 0; k < repeats[r++ % repeats.length]!; k++) sends.push({ d, b });
          }
        }
        let x = seed;
        for (let i = sends.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) % 2147483648;
          const j = x % (i + 1);
          [sends[i], sends[j]] = [sends[j]!, sends[i]!];
        }
        for (let i = 0; i < sends.length; i += 3) await Promise.all(sends.slice(i, i + 3).map(({ d, b }) => d.send(b)));
        if (!ids.length) return;
        checked += ids.length;
        const rows = (
          await t.db.pool.query<{ id: string; entitlement_id: string; status: string; conflict_of: string | null }>(
            'SELECT id, entitlement_id, status, conflict_of FROM redemption WHERE id = ANY($1::uuid[])',
            [ids],
          )
        ).rows;
        expect(rows.length).toBe(new Set(ids).size);
        for (const e of new Set(ents)) {
          const mine = rows.filter((x) => x.entitlement_id === e);
          const standing = mine.filter((x) => x.status === 'standing');
          expect(standing.length).toBe(1);
          for (const c of mine.filter((x) => x.status === 'conflict')) expect(c.conflict_of).toBe(standing[0]!.id);
        }
        const all = (
          await t.db.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = ANY($1::uuid[]) AND status = 'standing' GROUP BY entitlement_id HAVING count(*) > 1",
            [[...new Set(ents)]],
          )
        ).rows;
        expect(all).toEqual([]);
      },
    ),
    { numRuns: 8 },
  );
  expect(checked).toBeGreaterThan(20);
}, 120_000);
