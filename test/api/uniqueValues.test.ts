// A value another record already holds (a record id used twice, two requests racing) answers 409
// naming the field, never 500, and changes nothing.
import { expect, test } from 'vitest';
import { personInput, snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a person record id used twice: 409 duplicate_value naming recordId, sequentially and racing', async () => {
  const u = await t.user();
  expect((await t.post(u, '/api/v1/persons', personInput({ recordId: 'R-1' }))).statusCode).toBe(201);
  const before = await snapshot(t.db);
  const again = await t.post(u, '/api/v1/persons', personInput({ recordId: 'R-1' }));
  expect(again.statusCode).toBe(409);
  expect(again.json()).toMatchObject({
    type: '/problems/duplicate_value',
    errors: [{ field: 'recordId', reason: 'already_used' }],
  });
  expect(again.body).not.toContain('R-1');
  expect(await snapshot(t.db)).toEqual(before);

  const racing = await Promise.all([1, 2, 3].map(() => t.post(u, '/api/v1/persons', personInput({ recordId: 'R-2' }))));
  expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
});

test('another organisation may use the same record id', async () => {
  const [a, b] = [await t.user(), await t.user()];
  expect((await t.post(a, '/api/v1/persons', personInput({ recordId: 'SHARED' }))).statusCode).toBe(201);
  expect((await t.post(b, '/api/v1/persons', personInput({ recordId: 'SHARED' }))).statusCode).toBe(201);
});

test('a household record id used twice: 409 duplicate_value naming recordId', async () => {
  const u = await t.user();
  const head = async () => (await t.post(u, '/api/v1/persons', personInput())).json().id as string;
  const body = async () => ({ governorate: 'PS0260', recordId: 'H-1', members: [{ personId: await head(), relationship: 'head' }] });
  expect((await t.post(u, '/api/v1/households', await body())).statusCode).toBe(201);
  const again = await t.post(u, '/api/v1/households', await body());
  expect(again.statusCode).toBe(409);
  expect(again.json()).toMatchObject({ type: '/problems/duplicate_value', errors: [{ field: 'recordId' }] });
});
