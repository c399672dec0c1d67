// Rows kept as the full run prepared them (preparedRows.ts, issue #11): a dataset built from them,
// mixed with records prepared anew, holds what preparing the same records in the same order holds:
// the same name tokens, values, blocking keys, comparison patterns and conflicts, pair by pair.
import { expect, test } from 'vitest';
import { registryRecords } from '../../bench/linkage/clanEval.ts';
import { parsePasses, stablePassKey } from '../../src/linkage/blocking.ts';
import { nameTokens } from '../../src/linkage/blockIndex.ts';
import { Dataset } from '../../src/linkage/dataset.ts';
import { prepare } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { PreparedReader, preparable, preparedChunks } from '../../src/linkage/preparedRows.ts';
import { REGISTRY_SETTINGS } from '../../src/linkage/registryDedupe.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { DEFAULT_BLOCKING, resolveSettings } from '../../src/linkage/settings.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';

const settings = resolveSettings(REGISTRY_SETTINGS);
const CHUNK = 64;

// the registry's records, and a few the generator does not make: Latin or full names only,
// IDs and phones with leading zeros or longer than 15 digits, a month-only date, nothing at all
const odd: RawRecord[] = [
  { record_id: 'odd-1', given_name: 'Mohammed', family_name: 'Al-Masri', sex: 'm', national_id: '012345678', phone: '0599000111' },
  { record_id: 'odd-2', full_name: 'أحمد محمد علي النجار', full_name_en: 'Ahmad Mohammad Ali', date_of_birth: '1990-05' },
  { record_id: 'odd-3', given_name: 'سارة', national_id: '12345678901234567890', phone: '00970599123456', governorate: 'PS0105' },
  { record_id: 'odd-4' },
  { record_id: 'odd-5', given_name: 'ليلى', father_name: 'Omar', date_of_birth: '1985', sex: 'f', national_id: '000000001' },
];
const recs = [...registryRecords(generateClanRegistry({ persons: 2000, seed: 59, duplicateRate: 0.1 })).recs, ...odd];

function describeRow(ds: Dataset, i: number): string {
  const passes = parsePasses(ds, settings.blocking ?? DEFAULT_BLOCKING);
  return JSON.stringify([
    ds.ids[i],
    nameTokens(ds, i),
    ds.names.script.a[i],
    ds.fields.map((f) => f.show(i)),
    passes.map((p) => stablePassKey(ds, p, i)),
  ]);
}

test('rows taken as kept hold what the records prepared again hold', () => {
  const full = prepare([recs], settings, REGISTRY_COLUMNS);
  expect(preparable(full)).toBe(true);
  // kept in an order other than the dataset's (the rows are kept in id order)
  const order = Int32Array.from(recs.keys()).reverse();
  const kept = preparedChunks(full, order, CHUNK)!;
  const chunks = [...kept.chunks];
  expect(chunks).toHaveLength(Math.ceil(recs.length / CHUNK));
  // every third kept row from the kept rows, the others of a few as records (changed persons)
  const ds = new Dataset(settings, REGISTRY_COLUMNS);
  const reader = PreparedReader.of(ds, kept.dicts)!;
  const offsets = chunks.map((c, k) => reader.offsets(c, Math.min(CHUNK, recs.length - k * CHUNK)));
  const taken: RawRecord[] = [];
  for (let k = 0; k < order.length; k += 3) {
    const rec = recs[order[k]!]!;
    taken.push(rec);
    if (k % 7 === 0) ds.add(rec, 0);
    else reader.append(chunks[Math.floor(k / CHUNK)]!, offsets[Math.floor(k / CHUNK)]![k % CHUNK]!, rec.record_id!);
  }
  for (const rec of odd) {
    taken.push(rec);
    const k = order.indexOf(recs.indexOf(rec));
    reader.append(chunks[Math.floor(k / CHUNK)]!, offsets[Math.floor(k / CHUNK)]![k % CHUNK]!, rec.record_id!);
  }
  ds.finalize();
  const again = prepare([taken], settings, REGISTRY_COLUMNS);
  expect(ds.n).toBe(again.n);
  for (let i = 0; i < ds.n; i++) expect(describeRow(ds, i)).toBe(describeRow(again, i));
  // every pair of a sample compares alike
  let pairs = 0;
  for (let i = 0; i < ds.n; i += 5)
    for (let j = i + 1; j < ds.n; j += 3) {
      expect(ds.pattern(i, j)).toBe(again.pattern(i, j));
      expect(ds.conflict(i, j)).toBe(again.conflict(i, j));
      pairs++;
    }
  expect(pairs).toBeGreaterThan(10_000);
});

test('a dataset with a field that cannot be kept keeps no prepared rows', () => {
  const withTf = resolveSettings({ ...REGISTRY_SETTINGS, fields: [{ name: 'town', column: 'town', type: 'string', tf: true }] });
  const ds = prepare([[{ record_id: 'a', given_name: 'علي', town: 'غزة' }]], withTf, [...REGISTRY_COLUMNS, 'town']);
  expect(preparable(ds)).toBe(false);
  expect(preparedChunks(ds, [0], CHUNK)).toBeNull();
  expect(PreparedReader.of(ds, ['', '', '', '', '', '', '', '', '', '', ''])).toBeNull();
});
