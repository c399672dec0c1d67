import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => (db = await freshDb()));
afterAll(async () => db.drop());

test('the 16 governorates are loaded with their territory', async () => {
  const r = await db.pool.query<{ territory: string; n: number }>(
    'SELECT territory, count(*)::int AS n FROM governorate GROUP BY territory ORDER BY territory',
  );
  expect(r.rows).toEqual([
    { territory: 'PS01', n: 11 },
    { territory: 'PS02', n: 5 },
  ]);
});
