// Quarantine scope: a refused row belongs to the governorate its governorate column names (through
// the run's mapping); list, export and retry show another user only the rows of their governorates;
// rows that name no governorate of the 16 stay with the user who ran the import; another
// organisation sees none.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { exportQuarantine, listQuarantine, retryQuarantine } from '../../src/importer/quarantine.ts';
import { importFile } from '../../src/importer/run.ts';
import { csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('list, export and retry follow the governorates of the rows', async () => {
  const importer = await makeActor(t.db.pool, { governorates: ['PS0260', 'PS0270'] });
  const gaza = await makeActor(t.db.pool, { username: 'gaza', governorates: ['PS0260'] });
  const khanYounis = await makeActor(t.db.pool, { username: 'ky', governorates: ['PS0270'] });
  const stranger = await makeActor(t.db.pool, { username: 'other', org: 'Another organisation' });
  const file = path.join(tmp.dir, 'in.csv');
  // the file calls its governorate column "Gov" (mapped); each data row is refused for its date of birth, one for its governorate
  await fs.writeFile(
    file,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'date_of_birth', 'Gov'],
      ['G1', 'سلمى', 'جرادة', '1988-02-30', 'PS0260'],
      ['G2', 'دينا', 'صيام', '1999-13-01', 'ps0260'],
      ['K1', 'باسل', 'نصار', '1970-02-31', 'PS0270'],
      ['X1', 'مازن', 'حلس', '1980', 'PS02600'],
    ]),
  );
  const mapping = path.join(tmp.dir, 'mapping.json');
  await fs.writeFile(mapping, JSON.stringify({ Gov: 'governorate' }));
  expect(await importFile(t.db.pool, importer, { kind: 'persons', file, mappingFile: mapping })).toMatchObject({ rejected: 4 });

  const rows = async (a: typeof importer) => (await listQuarantine(t.db.pool, a)).map((r) => r.rowNumber);
  expect(await rows(importer)).toEqual([2, 3, 4, 5]);
  expect(await rows(gaza)).toEqual([2, 3]);
  expect(await rows(khanYounis)).toEqual([4]);
  expect(await rows(stranger)).toEqual([]);

  const exported = async (a: typeof importer) => {
    const out = path.join(tmp.dir, `${a.username}.csv`);
    const n = await exportQuarantine(t.db.pool, a, { output: out });
    const body = parse(await fs.readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(body).toHaveLength(n);
    return body.map((r) => r.record_id);
  };
  expect(await exported(gaza)).toEqual(['G1', 'G2']);
  expect(await exported(khanYounis)).toEqual(['K1']);
  expect(await exported(stranger)).toEqual([]);

  // retrying as stored: Khan Younis's officer touches only its row (still refused), not Gaza's
  expect(await retryQuarantine(t.db.pool, khanYounis, {})).toMatchObject({ retried: 1, stillRejected: 1 });
  // a fixed file naming rows of another governorate: those count as unknown
  const all = path.join(tmp.dir, 'importer.csv');
  await exportQuarantine(t.db.pool, importer, { output: all });
  expect(await retryQuarantine(t.db.pool, khanYounis, { file: all })).toMatchObject({ retried: 1, unknown: 3 });
});
