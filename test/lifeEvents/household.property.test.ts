// Property: whatever sequence of death reports, withdrawals and task decisions happens, a household
// with current members always has exactly one current head, and no task makes a person confirmed dead its head.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { lifeEventSources } from '../../src/shared/lifeEvents.ts';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const dead = async (personId: string) =>
  ((await t.db.pool.query("SELECT 1 FROM life_event_confirmation WHERE person_id = $1 AND kind = 'death'", [personId])).rowCount ?? 0) > 0;

type Step =
  | { op: 'report'; member: number; source: (typeof lifeEventSources)[number] }
  | { op: 'withdraw'; pick: number }
  | { op: 'act'; member: number }
  | { op: 'dismiss' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('report' as const), member: fc.nat(3), source: fc.constantFrom(...lifeEventSources) }),
  fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat(10) }),
  fc.record({ op: fc.constant('act' as const), member: fc.nat(3) }),
  fc.record({ op: fc.constant('dismiss' as const) }),
);

test('property: a household with members always has exactly one current head; no task makes a dead person head', async () => {
  const u = await t.user();
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      const h = await household(t, u, ['spouse', 'son', 'daughter']);
      const people = [h.head, ...h.others];
      const events: { id: string; version: number }[] = [];
      for (const s of steps) {
        if (s.op === 'report') {
          const r = await t.post(u, `/api/v1/persons/${people[s.member]}/life-events`, { kind: 'death', source: s.source });
          expect(r.statusCode, r.body).toBe(201);
          events.push({ id: r.json().id, version: r.json().version });
        } else if (s.op === 'withdraw' && events.length > 0) {
          const e = events[s.pick % events.length]!;
          const r = await t.post(u, `/api/v1/life-events/${e.id}/withdraw`, { version: e.version, reason: 'property test' });
          expect([200, 409]).toContain(r.statusCode);
          if (r.statusCode === 200) e.version = r.json().version;
        } else {
          const tasks = (await t.get(u, '/api/v1/tasks')).json().items.filter((x: { householdId: string }) => x.householdId === h.id);
          for (const task of tasks) {
            const chosen = people[(s as { member: number }).member ?? 0]!;
            const wasDead = await dead(chosen);
            const r =
              s.op === 'act' && task.kind === 'new_head'
                ? await t.post(u, `/api/v1/tasks/${task.id}/new-head`, { personId: chosen })
                : await t.post(u, `/api/v1/tasks/${task.id}/dismiss`, { reason: 'property test' });
            expect([200, 409, 422], r.body).toContain(r.statusCode);
            // a task never makes a person confirmed dead head
            if (s.op === 'act' && task.kind === 'new_head' && wasDead) expect(r.statusCode).not.toBe(200);
          }
        }
        const heads = await t.db.pool.query(
          "SELECT 1 FROM household_member WHERE household_id = $1 AND valid_to IS NULL AND relationship = 'head'",
          [h.id],
        );
        const members = await t.db.pool.query('SELECT 1 FROM household_member WHERE household_id = $1 AND valid_to IS NULL', [h.id]);
        if ((members.rowCount ?? 0) > 0) expect(heads.rowCount).toBe(1);
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
