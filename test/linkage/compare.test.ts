import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dataset } from '../../src/linkage/dataset.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { luhnValid } from '../../src/linkage/text.ts';

const COLS = [
  'record_id',
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'full_name',
  'full_name_en',
  'sex',
  'date_of_birth',
  'national_id',
  'phone',
];
function level(field: string, a: RawRecord, b: RawRecord): string {
  const ds = new Dataset(resolveSettings({}), COLS);
  ds.add(a, 0);
  ds.add(b, 0);
  ds.finalize();
  const f = ds.field(field)!;
  const c = f.compare(0, 1);
  return c === 0 ? 'missing' : f.levels[c - 1]!;
}

describe('graded comparisons', () => {
  it('dates of birth', () => {
    const d = (x: string, y: string) => level('dob', { date_of_birth: x }, { date_of_birth: y });
    expect(d('1990-03-12', '1990-03-12')).toBe('exact');
    expect(d('1990-03-12', '1990-12-03')).toBe('swapped or one typo');
    expect(d('1990', '1990-03-12')).toBe('year only or 01-01');
    expect(d('1990-01-01', '1990-03-12')).toBe('year only or 01-01');
    expect(d('1991-03-12', '1990-07-30')).toBe('year +-1');
    expect(d('1970-03-12', '1990-07-30')).toBe('disagree');
    expect(d('', '1990-07-30')).toBe('missing');
  });
  it('national IDs: substitution, transposition, and the check digit', () => {
    const v = '123456782';
    expect(luhnValid(v)).toBe(true);
    const id = (x: string, y: string) => level('national_id', { national_id: x }, { national_id: y });
    expect(id(v, v)).toBe('exact');
    expect(id(v, '123456783')).toBe('one typo, check digit points to it');
    expect(id(v, '213456782')).toBe('one typo, check digit points to it');
    expect(id(v, '987654321')).toBe('disagree');
  });
  it('name parts by position, across scripts, with a missing grandfather', () => {
    const a = { full_name: 'محمد أحمد علي النجار' };
    expect(level('given', a, { full_name: 'محمد احمد النجار' })).toBe('exact');
    expect(level('family', a, { full_name: 'محمد احمد النجار' })).toBe('exact');
    expect(level('grandfather', a, { full_name: 'محمد احمد النجار' })).toBe('missing');
    expect(level('family', a, { full_name_en: 'Mohammed Ahmed Al-Najjar' })).toBe('same sound');
    expect(level('given', a, { full_name: 'خالد احمد علي النجار' })).toBe('disagree');
    expect(level('given', a, { full_name: 'محمود احمد علي النجار' })).toBe('disagree');
    expect(level('given', { full_name: 'ابراهيم' }, { full_name: 'ابرهيم' })).not.toBe('disagree');
  });
  it('every pair compares symmetrically', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1990-03-12', '1990', '1991-12-03', '', '1990-01-01'),
        fc.constantFrom('1990-12-03', '1989', '', '1990-03-12'),
        (x, y) => {
          expect(level('dob', { date_of_birth: x }, { date_of_birth: y })).toBe(level('dob', { date_of_birth: y }, { date_of_birth: x }));
        },
      ),
    );
  });
});
