import { expect, test } from 'vitest';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

test('the 16 governorates are loaded with their territory', async () => {
  const r = await t.db.pool.query<{ territory: string; n: number }>(
    'SELECT territory, count(*)::int AS n FROM governorate GROUP BY territory ORDER BY territory',
  );
  expect(r.rows).toEqual([
    { territory: 'PS01', n: 11 },
    { territory: 'PS02', n: 5 },
  ]);
});
