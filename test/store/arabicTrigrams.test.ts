// Name search ranks candidates by pg_trgm similarity on the normalised name. PostgreSQL's C locale
// classifies no Arabic letter as alphanumeric, so pg_trgm found no trigrams in Arabic names and every
// Arabic candidate ranked 0: the embedded server is now initialised with a C.UTF-8 LC_CTYPE.
import { expect, test } from 'vitest';
import { ranksArabic } from '../../src/store/open.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

test('pg_trgm sees Arabic letters, so Arabic names rank by similarity', async () => {
  expect(await ranksArabic(t.db.pool)).toBe(true);
  const r = await t.db.pool.query<{ same: number; other: number; unrelated: number }>(
    `SELECT similarity('سلمي خليل النجار', 'سلمي النجار') AS same, similarity('احمد سالم عمر النجار', 'سلمي النجار') AS other, similarity('فاطمه يحيي ابو سمره', 'سلمي النجار') AS unrelated`,
  );
  const { same, other, unrelated } = r.rows[0]!;
  expect(same).toBeGreaterThan(0.5);
  expect(same).toBeGreaterThan(other);
  expect(other).toBeGreaterThan(unrelated);
});
