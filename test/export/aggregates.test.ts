// sanad export aggregates --hxl: people by governorate, sex and age group, with HXL hashtags.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { exportAggregates } from '../../src/export/aggregates.ts';
import { importFile } from '../../src/importer/run.ts';
import { csvOf, makeActor, useTempDir } from '../import/support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('counts by governorate, sex and age group, under an HXL hashtag row', async () => {
  const actor = await makeActor(t.db.pool, { role: 'administrator', governorates: ['PS0260', 'PS0115'] });
  const y = new Date().getUTCFullYear();
  const file = path.join(tmp.dir, 'p.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['given_name', 'family_name', 'sex', 'date_of_birth', 'age', 'governorate'],
      ['أ', 'ب', 'female', `${y - 10}`, '', 'PS0260'],
      ['ت', 'ث', 'female', '', '30', 'PS0260'],
      ['ج', 'ح', 'male', '', '70', 'PS0260'],
      ['خ', 'د', 'male', '', '', 'PS0260'],
      ['ذ', 'ر', '', '', '5', 'PS0115'],
    ]),
  );
  await importFile(t.db.pool, actor, { kind: 'persons', file });
  const out = path.join(tmp.dir, 'agg.csv');
  await exportAggregates(t.db.pool, actor, { output: out, hxl: true });
  const lines = parse(await fs.readFile(out, 'utf8'), { bom: true }) as string[][];
  expect(lines[0]!.slice(0, 7)).toEqual(['governorate', 'governorate_ar', 'governorate_pcode', 'territory', 'people', 'female', 'male']);
  expect(lines[1]).toEqual([
    '#adm2+name',
    '#adm2+name+i_ar',
    '#adm2+code',
    '#adm1+name',
    '#affected+total',
    '#affected+f',
    '#affected+m',
    '#affected+sex_unknown',
    '#affected+f+children',
    '#affected+m+children',
    '#affected+f+adults',
    '#affected+m+adults',
    '#affected+f+elderly',
    '#affected+m+elderly',
    '#affected+age_unknown',
  ]);
  const rows = lines.slice(2).map((l) => Object.fromEntries(lines[0]!.map((h, i) => [h, l[i]])));
  expect(rows.map((r) => r.governorate_pcode)).toEqual(['PS0115', 'PS0260']);
  expect(rows[0]).toMatchObject({ governorate: 'Nablus', territory: 'West Bank', people: '1', female: '0', male: '0', sex_unknown: '1' });
  expect(rows[1]).toMatchObject({
    governorate: 'Gaza',
    people: '4',
    female: '2',
    male: '2',
    girls_0_17: '1',
    boys_0_17: '0',
    women_18_59: '1',
    men_18_59: '0',
    women_60_plus: '0',
    men_60_plus: '1',
    age_unknown: '1',
  });
  const plain = path.join(tmp.dir, 'plain.csv');
  await exportAggregates(t.db.pool, actor, { output: plain, hxl: false });
  expect((await fs.readFile(plain, 'utf8')).includes('#adm')).toBe(false);
});
