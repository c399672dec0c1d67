// Many identical writes at once (a device outbox retrying, a double tap) must not exhaust the
// connection pool: every request answers, the server stays up, and one record is written.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const POOL = 10; // the test database's pool (test/support/db.ts)

const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

test('more simultaneous replays of one write than the pool has connections: all answer, one person', async () => {
  const u = await t.user();
  const body = personInput({ recordId: 'SAME-KEY' });
  const key = randomUUID();
  const answers = await within(
    20_000,
    Promise.all(Array.from({ length: POOL * 2 }, () => t.post(u, '/api/v1/persons', body, { idempotencyKey: key }))),
  );
  expect(answers.map((r) => r.statusCode).sort()).toEqual(Array.from({ length: POOL * 2 }, () => 201));
  expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
  expect(answers.filter((r) => r.headers['idempotent-replay'] === 'true')).toHaveLength(POOL * 2 - 1);
  const n = await t.db.pool.query("SELECT count(*)::int AS n FROM person WHERE record_id = 'SAME-KEY'");
  expect(n.rows[0].n).toBe(1);
  expect((await within(5_000, t.get(undefined, '/healthz'))).statusCode).toBe(200);
});

test('more simultaneous writes of one record id under different keys than the pool has connections: one 201, the rest 409', async () => {
  const u = await t.user();
  const body = personInput({ recordId: 'SAME-RECORD' });
  const answers = await within(
    20_000,
    Promise.all(Array.from({ length: POOL * 2 }, () => t.post(u, '/api/v1/persons', body, { idempotencyKey: randomUUID() }))),
  );
  const statuses = answers.map((r) => r.statusCode).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(POOL * 2 - 1);
  expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().type === '/problems/duplicate_value')).toBe(true);
  expect((await within(5_000, t.get(undefined, '/healthz'))).statusCode).toBe(200);
});
