// GET /api/v1/duplicates: the pending queue, strongest first, in cursor pages.
import { beforeAll, expect, test } from 'vitest';
import { findDuplicates } from '../../src/store/duplicates/run.ts';
import type { TestUser } from '../support/factories.ts';
import { loadDedupeSet } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let cw: TestUser;

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
  await loadDedupeSet(t.db.pool, cw.orgId, 1200, 3);
  await findDuplicates(t.db.pool, cw.actor);
}, 120_000);

type Item = {
  id: string;
  status: string;
  weight: number;
  a: { id: string; fullName: string };
  b: { id: string };
  evidence: { field: string; level: string; weight: number }[];
};

test('pages through every pending pair once, strongest first, with both records and the evidence', async () => {
  const pending = (await t.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM match_candidate WHERE status = 'pending'")).rows[0]!
    .n;
  expect(pending).toBeGreaterThan(5);
  const seen: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.get(cw, `/api/v1/duplicates?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Item[]; nextCursor: string | null };
    seen.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(pending);
  expect(new Set(seen.map((s) => s.id)).size).toBe(pending);
  for (let k = 1; k < seen.length; k++) expect(seen[k]!.weight).toBeLessThanOrEqual(seen[k - 1]!.weight);
  expect(seen.every((s) => s.status === 'pending' && s.a.id < s.b.id && s.a.fullName.length > 0)).toBe(true);
  expect(seen[0]!.evidence.map((e) => e.field)).toEqual(expect.arrayContaining(['given', 'family']));
});

test('other statuses on request: the automatic links', async () => {
  const res = await t.get(cw, '/api/v1/duplicates?status=auto_linked&limit=200');
  expect(res.statusCode).toBe(200);
  const auto = (await t.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM match_candidate WHERE status = 'auto_linked'"))
    .rows[0]!.n;
  expect(res.json().items.length).toBe(Math.min(200, auto));
});

test('a cursor this server did not give is refused', async () => {
  const res = await t.get(cw, '/api/v1/duplicates?cursor=bm9wZQ');
  expect(res.statusCode).toBe(422);
  expect(res.json().errors[0].field).toBe('cursor');
});
