// Cross-script recall on real name pairs (a sample of gaza-names-ar-en.dev.csv, used only inside
// tests): the Arabic records registered among synthetic distractors, each searched by its published
// Latin transliteration. The bench (npm run bench:search-recall) measures all 14,103 names among
// 100,000 distractors; this sample keeps CI from letting it fall back towards the 85% of before.
import { beforeAll, expect, test } from 'vitest';
import { insertRecords, measureRecall, namePairs, namesAvailable, recallRecords } from '../../bench/searchRecall.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let u: TestUser;
const pairs = namesAvailable() ? namePairs(400) : [];

beforeAll(async () => {
  u = await t.user();
  await insertRecords(t.db.pool, u.orgId, recallRecords(pairs, 5000));
}, 120_000);

test.skipIf(!namesAvailable())(
  'a Latin query finds the Arabic-only record in the first page for at least 95% of 400 real names',
  async () => {
    const f = await measureRecall(t.db.pool, u.orgId, pairs);
    expect(f.queries).toBeGreaterThanOrEqual(395);
    expect(f.top20 / f.queries).toBeGreaterThanOrEqual(0.95);
    expect(f.top1 / f.queries).toBeGreaterThanOrEqual(0.9);
  },
  120_000,
);
