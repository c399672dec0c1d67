// IDs and phones interned by value (DigitDict, typedColumns.ts), and the changed rows' pairs found
// without a set of every pair (pairsOfChanged, incrementalDedupe.ts): each answers what the string
// and set forms they replace answer, for odd values too (leading zeros, more than 15 digits, check
// digits that fail, values missing or too short).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { registryRecords } from '../../bench/linkage/clanEval.ts';
import { prepare } from '../../src/linkage/engine.ts';
import { IdField, PhoneField, type RawRecord } from '../../src/linkage/fields.ts';
import { pairsOfChanged } from '../../src/linkage/incrementalDedupe.ts';
import { REGISTRY_SETTINGS } from '../../src/linkage/registryDedupe.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { hashString, oneEditKind } from '../../src/linkage/text.ts';
import { DigitDict } from '../../src/linkage/typedColumns.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** b from a: the same, one digit changed, two adjacent swapped, two changed, one more or less, or any. */
const near = (a: string) =>
  fc.oneof(
    fc.constant(a),
    fc.tuple(fc.nat(), fc.constantFrom(...'0123456789')).map(([k, d]) => {
      const at = k % a.length;
      return a.slice(0, at) + d + a.slice(at + 1);
    }),
    fc.nat().map((k) => {
      if (a.length < 2) return a;
      const at = k % (a.length - 1);
      return a.slice(0, at) + a[at + 1] + a[at] + a.slice(at + 2);
    }),
    fc.tuple(fc.nat(), fc.nat()).map(([k, m]) => {
      const s = a.split('');
      s[k % a.length] = String((Number(s[k % a.length]) + 1) % 10);
      s[m % a.length] = String((Number(s[m % a.length]) + 3) % 10);
      return s.join('');
    }),
    fc.constant(`${a}0`),
    fc.constant(`0${a}`.slice(0, a.length)),
    fc.constant(a.slice(1)),
    digits(1, 20),
  );

const pair = digits(1, 20).chain((a) => near(a).map((b) => [a, b] as const));

test('a digit string by value: the same id, string and edit kind as the string', () => {
  fc.assert(
    fc.property(pair, ([a, b]) => {
      fc.pre(b.length > 0);
      // interned from strings (records), and by value as kept prepared rows are (no string given)
      const fromStrings = new DigitDict();
      const ia = fromStrings.id(a),
        ib = fromStrings.id(b);
      expect(ia === ib).toBe(a === b);
      expect(fromStrings.oneEditKind(ia, ib)).toBe(oneEditKind(a, b));
      const byValue = new DigitDict();
      const va = a.length <= 15 ? byValue.idOf(a.length, Number(a)) : byValue.id(a);
      const vb = b.length <= 15 ? byValue.idOf(b.length, Number(b)) : byValue.id(b);
      expect(byValue.string(va)).toBe(a);
      expect(byValue.string(vb)).toBe(b);
      expect(byValue.oneEditKind(va, vb)).toBe(oneEditKind(a, b));
      // a string interned after its value has the value's id
      expect(byValue.id(a)).toBe(va);
      expect(byValue.size).toBe(a === b ? 1 : 2);
    }),
    { numRuns: 5000 },
  );
});

const settings = resolveSettings(REGISTRY_SETTINGS);
const odd: RawRecord[] = [
  { record_id: 'o1', national_id: '012345674', phone: '0599000111' },
  { record_id: 'o2', national_id: '012345647', phone: '0599000112' },
  { record_id: 'o3', national_id: '012345675', phone: '0599001011' },
  { record_id: 'o4', national_id: '12345678901234567890', phone: '00970599123456' },
  { record_id: 'o5', national_id: '12345678901234567809', phone: '00970599123465' },
  { record_id: 'o6', national_id: '000000001', phone: '12345' },
  { record_id: 'o7', national_id: '111111111', phone: '' },
  { record_id: 'o8', national_id: '123', phone: '٠٥٩٩٠٠٠١١١' },
  { record_id: 'o9' },
  { record_id: 'o10', national_id: '0012345678', phone: '599000111' },
  { record_id: 'o11', national_id: '900000000', phone: '000000000' },
  { record_id: 'o12', national_id: '0012345679', phone: '0599000011' },
  { record_id: 'o13', national_id: '12345678901234567891' },
];

test("IDs and phones compare, conflict and key as their strings' comparison does", () => {
  const recs = [...odd, ...registryRecords(generateClanRegistry({ persons: 400, seed: 61, duplicateRate: 0.2 })).recs];
  const ds = prepare([recs], settings, REGISTRY_COLUMNS);
  const id = ds.fields.find((f) => f instanceof IdField) as IdField;
  const phone = ds.fields.find((f) => f instanceof PhoneField) as PhoneField;
  const str = (f: IdField | PhoneField, i: number) => (f.v.a[i] ? f.dict.string(f.v.a[i]! - 1) : '');
  // the comparisons before DigitDict, on the strings
  const idLevel = (i: number, j: number) => {
    const a = str(id, i),
      b = str(id, j);
    if (!a || !b) return 0;
    if (a === b) return 5;
    const k = oneEditKind(a, b);
    if (k === 0) return 1;
    if (id.checkDigit === 'luhn' && id.valid.a[i]! + id.valid.a[j]! === 1) return 4;
    return k === 1 ? 2 : 3;
  };
  const phoneLevel = (i: number, j: number) => {
    const a = str(phone, i),
      b = str(phone, j);
    return !a || !b ? 0 : a === b ? 3 : oneEditKind(a, b) ? 2 : 1;
  };
  const levels = new Set<string>();
  for (let i = 0; i < ds.n; i++)
    for (let j = 0; j < ds.n; j += i < odd.length ? 1 : 7) {
      expect(id.compare(i, j)).toBe(idLevel(i, j));
      expect(phone.compare(i, j)).toBe(phoneLevel(i, j));
      const a = str(id, i),
        b = str(id, j);
      expect(id.conflict(i, j)).toBe(a !== '' && b !== '' && a !== b && id.valid.a[i] !== 0 && id.valid.a[j] !== 0);
      levels.add(`id${id.compare(i, j)} phone${phone.compare(i, j)}`);
    }
  // every level met, a failing check digit among them
  for (const l of [0, 1, 2, 3, 4, 5]) expect([...levels].some((x) => x.startsWith(`id${l} `))).toBe(true);
  for (const l of [0, 1, 2, 3]) expect([...levels].some((x) => x.endsWith(`phone${l}`))).toBe(true);
  // the blocks' stable keys: the hash of the string
  for (let i = 0; i < ds.n; i++)
    for (const f of [id, phone]) expect(f.stableKey('', i)).toBe(str(f, i) ? hashString(str(f, i)) | 0 || 1 : 0);
  expect(id.conflict(0, 2)).toBe(false);
  expect(id.show(0)).toBe('012345674');
  expect(id.show(1)).toBe('012345647 (check digit fails)');
  expect(str(id, 3)).toBe('12345678901234567890');
  expect(str(phone, 0)).toBe('599000111');
  expect(str(phone, 9)).toBe('599000111');
  expect(phone.v.a[0]).toBe(phone.v.a[7]);
  expect(id.v.a[6]).toBe(0);
  expect(id.v.a[8]).toBe(0);
});

/** The pairs as dedupeChangedWith found them before pairsOfChanged: a set of every pair. */
function pairsWithSet(n: number, changed: number[], passes: number, lookup: (i: number, p: number, out: number[]) => void) {
  const seen = new Set<number>();
  const a: number[] = [],
    b: number[] = [];
  const buf: number[] = [];
  for (const i of changed)
    for (let p = 0; p < passes; p++) {
      buf.length = 0;
      lookup(i, p, buf);
      for (const j of buf) {
        if (j === i) continue;
        const [x, y] = i < j ? [i, j] : [j, i];
        if (seen.has(x * n + y)) continue;
        seen.add(x * n + y);
        a.push(x);
        b.push(y);
      }
    }
  return { a, b };
}

test('the pairs of the changed rows: the same, in the same order, as with a set of every pair', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 60 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      fc.array(fc.array(fc.nat(), { maxLength: 12 }), { minLength: 1, maxLength: 200 }),
      (n, passes, pick, lists) => {
        const changed = [...new Set(pick.map((x) => x % n))];
        // blocks as lookups answer them: any rows, the row itself, rows met twice, changed rows,
        // and not symmetric (j in i's list without i in j's, as a cut block gives)
        const lookup = (i: number, p: number, out: number[]) => {
          for (const x of lists[(i * 7 + p) % lists.length]!) out.push(x % n);
        };
        const want = pairsWithSet(n, changed, passes, lookup);
        const passList = Array.from({ length: passes }, (_, k) => ({ name: `p${k}`, parts: [] }));
        const got = pairsOfChanged(n, changed, passList, (i, p, _pass, out) => lookup(i, p, out));
        expect(Array.from(got.a)).toEqual(want.a);
        expect(Array.from(got.b)).toEqual(want.b);
      },
    ),
    { numRuns: 3000 },
  );
});
