// Two imports of different files with the same record_ids at the same time: each person is
// loaded once (the COPY that meets a row committed by the other falls back to ON CONFLICT).
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('concurrent imports of overlapping files load every record once', { timeout: 120_000 }, async () => {
  const actor = await makeActor(t.db.pool);
  const N = 4000;
  const rows = Array.from({ length: N }, (_, i) => [`C${i}`, 'سعاد', 'حماد', i % 2 ? 'PS0260' : 'PS0130']);
  const a = path.join(tmp.dir, 'a.csv');
  const b = path.join(tmp.dir, 'b.csv');
  await fs.writeFile(a, csvOf([['record_id', 'given_name', 'family_name', 'governorate'], ...rows]));
  await fs.writeFile(b, csvOf([['record_id', 'given_name', 'family_name', 'governorate'], ...rows.slice().reverse()]));
  const [sa, sb] = await Promise.all([
    importFile(t.db.pool, actor, { kind: 'persons', file: a, batchSize: 500, workers: 0 }),
    importFile(t.db.pool, actor, { kind: 'persons', file: b, batchSize: 500, workers: 0 }),
  ]);
  expect(sa.loaded + sb.loaded).toBe(N);
  expect(sa.unchanged + sb.unchanged).toBe(N);
  expect(await count(t.db.pool, 'SELECT count(*) FROM person')).toBe(N);
  expect(await count(t.db.pool, 'SELECT count(DISTINCT record_id) FROM person')).toBe(N);
  const logged = await count(t.db.pool, "SELECT sum((after->>'loaded')::int) FROM change_log WHERE action = 'import_batch'");
  expect(logged).toBe(N);
});
