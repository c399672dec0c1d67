import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { personInput, type TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
beforeAll(async () => {
  officer = await t.user();
});

const count = async (sql: string) => (await t.db.pool.query<{ n: number }>(sql)).rows[0]!.n;

test('replaying an operation id returns the first result and writes nothing more', async () => {
  const op = randomUUID();
  const payload = personInput();
  const first = await t.post(officer, '/api/v1/persons', payload, { idempotencyKey: op });
  const persons = await count('SELECT count(*)::int AS n FROM person');
  const logs = await count('SELECT count(*)::int AS n FROM change_log');
  for (let i = 0; i < 3; i++) {
    const again = await t.post(officer, '/api/v1/persons', payload, { idempotencyKey: op });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
  }
  expect(await count('SELECT count(*)::int AS n FROM person')).toBe(persons);
  expect(await count('SELECT count(*)::int AS n FROM change_log')).toBe(logs);
});

test('concurrent replays of one operation create exactly one record', async () => {
  const op = randomUUID();
  const payload = personInput({ recordId: 'concurrent-1' });
  const results = await Promise.all(Array.from({ length: 8 }, () => t.post(officer, '/api/v1/persons', payload, { idempotencyKey: op })));
  expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
  expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  expect(await count("SELECT count(*)::int AS n FROM person WHERE record_id = 'concurrent-1'")).toBe(1);
});

test('reusing an operation id for a different request is a conflict', async () => {
  const op = randomUUID();
  await t.post(officer, '/api/v1/persons', personInput(), { idempotencyKey: op });
  const other = await t.post(officer, '/api/v1/persons', personInput({ familyName: 'السقا' }), { idempotencyKey: op });
  expect(other.statusCode).toBe(409);
});

test("another user of the organisation replaying someone's operation id gets 409, never the stored answer with its personal data", async () => {
  const op = randomUUID();
  const payload = personInput({ givenName: 'سلمى' });
  const first = await t.post(officer, '/api/v1/persons', payload, { idempotencyKey: op });
  expect(first.statusCode).toBe(201);
  const colleague = await t.user({ orgId: officer.orgId });
  const again = await t.post(colleague, '/api/v1/persons', payload, { idempotencyKey: op });
  expect(again.statusCode).toBe(409);
  expect(again.json().type).toBe('/problems/operation_reused');
  expect(again.body).not.toContain(first.json().id);
  expect(again.body).not.toContain('سلمى');
  // the one who made it still gets it
  expect((await t.post(officer, '/api/v1/persons', payload, { idempotencyKey: op })).json()).toEqual(first.json());
});

test('an operation id must be a UUID', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...officer.auth, 'idempotency-key': 'abc' },
    payload: personInput(),
  });
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'Idempotency-Key', reason: 'not_a_uuid' }]);
});
