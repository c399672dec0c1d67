// GET /api/v1/persons: the people in the reader's scope, in pages (keyset cursor).
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test("pages through exactly the people of the reader's organisation and governorates", async () => {
  const u = await t.user();
  const mine: string[] = [];
  for (let i = 0; i < 5; i++) mine.push((await t.post(u, '/api/v1/persons', personInput())).json().id);
  await t.post(u, '/api/v1/persons', personInput({ governorate: 'PS0275' }));
  await t.post(await t.user(), '/api/v1/persons', personInput());
  const reader = await t.user({ role: 'distribution_officer', orgId: u.orgId, governorates: ['PS0260'] });
  const seen: string[] = [];
  let url = '/api/v1/persons?limit=2';
  for (let page = 0; page < 5; page++) {
    const r = await t.get(reader, url);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: { id: string; governorate: string }[]; nextCursor: string | null };
    seen.push(...body.items.map((p) => p.id));
    if (!body.nextCursor) break;
    url = `/api/v1/persons?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
  }
  expect(seen).toEqual([...mine].sort());
});

test('a limit out of range or a forged cursor: 422 naming the field', async () => {
  const u = await t.user();
  expect((await t.get(u, '/api/v1/persons?limit=0')).statusCode).toBe(422);
  const forged = await t.get(u, '/api/v1/persons?cursor=bm90LWEtY3Vyc29y');
  expect(forged.statusCode).toBe(422);
  expect(forged.json().errors).toEqual([{ field: 'cursor', reason: 'not_a_cursor' }]);
});

test('roles without the right: 403; without a session: 401', async () => {
  expect((await t.get(await t.user({ role: 'analyst' }), '/api/v1/persons')).statusCode).toBe(403);
  expect((await t.get(undefined, '/api/v1/persons')).statusCode).toBe(401);
});
