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
  const reader = await t.user({ role: 'administrator', orgId: u.orgId, governorates: ['PS0260'] });
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
  // each page is logged with the ids it showed
  const logged = await t.db.pool.query<{ after: { via: string; ids: string[] } }>(
    "SELECT after FROM change_log WHERE entity = 'person_list' AND actor_id = $1 ORDER BY seq",
    [reader.id],
  );
  expect(logged.rows.flatMap((r) => r.after.ids)).toEqual(seen);
  expect(logged.rows.every((r) => r.after.via === 'list')).toBe(true);
});

test('paging is limited per credential: the 31st page in a minute answers 429 problem+json, another user is not held up', async () => {
  const u = await t.user({ role: 'administrator' });
  await t.post(u, '/api/v1/persons', personInput());
  const codes: number[] = [];
  for (let i = 0; i < 31; i++) codes.push((await t.get(u, '/api/v1/persons?limit=1')).statusCode);
  expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
  const last = await t.get(u, '/api/v1/persons?limit=1');
  expect(last.statusCode).toBe(429);
  expect(last.headers['content-type']).toContain('application/problem+json');
  expect(last.json().type).toBe('/problems/rate_limited');
  const colleague = await t.user({ role: 'administrator', orgId: u.orgId });
  expect((await t.get(colleague, '/api/v1/persons?limit=1')).statusCode).toBe(200);
});

test('a limit out of range or a forged cursor: 422 naming the field', async () => {
  const u = await t.user({ role: 'administrator' });
  expect((await t.get(u, '/api/v1/persons?limit=0')).statusCode).toBe(422);
  const forged = await t.get(u, '/api/v1/persons?cursor=bm90LWEtY3Vyc29y');
  expect(forged.statusCode).toBe(422);
  expect(forged.json().errors).toEqual([{ field: 'cursor', reason: 'not_a_cursor' }]);
});

test('roles without the right (every role but administrator): 403; without a session: 401', async () => {
  for (const role of ['analyst', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'auditor'] as const)
    expect((await t.get(await t.user({ role }), '/api/v1/persons')).statusCode, role).toBe(403);
  expect((await t.get(undefined, '/api/v1/persons')).statusCode).toBe(401);
});
