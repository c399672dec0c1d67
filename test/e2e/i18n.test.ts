// The web app's translations: the same keys in Arabic and English, no empty message, the same
// placeholders, and every key the code uses exists. (The typecheck enforces the key sets too.)
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { problemIds } from '../../src/shared/problems.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { en } from '../../web/src/i18n/en.ts';
import { formatDay, formatNumber, interpolate, localDigits } from '../../web/src/i18n/format.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Arabic and English have the same keys', () => {
  const a = Object.keys(ar).sort();
  const e = Object.keys(en).sort();
  expect(
    a.filter((k) => !e.includes(k)),
    'missing in English',
  ).toEqual([]);
  expect(
    e.filter((k) => !a.includes(k)),
    'missing in Arabic',
  ).toEqual([]);
});

test('no message is empty, and placeholders match', () => {
  for (const [k, v] of Object.entries(ar)) {
    const e = (en as Record<string, string>)[k]!;
    expect(v.trim(), `ar ${k}`).not.toBe('');
    expect(e.trim(), `en ${k}`).not.toBe('');
    expect(placeholders(e), k).toEqual(placeholders(v));
  }
});

test('Arabic messages are in Arabic script', () => {
  const latinOnly = Object.entries(ar).filter(
    ([k, v]) =>
      !/[\u0600-\u06FF]/.test(v) &&
      ![
        'settings.language',
        'settings.languageLabel',
        'household.move',
        'settings.digits.latn',
        'settings.digits.arab',
        'common.none',
      ].includes(k),
  );
  expect(latinOnly).toEqual([]);
});

test('every problem id the server answers with has Arabic and English text', () => {
  expect(problemIds.length).toBeGreaterThan(30);
  const text = (m: Record<string, string>, id: string) => m[`problem.${id}`]?.trim() ?? '';
  expect(
    problemIds.filter((id) => !/[\u0600-\u06FF]/.test(text(ar, id))),
    'no Arabic',
  ).toEqual([]);
  expect(
    problemIds.filter((id) => !/[A-Za-z]/.test(text(en, id))),
    'no English',
  ).toEqual([]);
  const known = new Set<string>(problemIds);
  const stale = Object.keys(ar).filter((k) => k.startsWith('problem.') && !known.has(k.slice('problem.'.length)));
  expect(stale, 'texts for ids the server no longer has').toEqual([]);
});

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

test('every key the web app uses exists', () => {
  const used = new Set<string>();
  for (const f of sources(path.resolve('web/src'))) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    for (const m of src.matchAll(/label: '([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
  }
  expect(used.size).toBeGreaterThan(50);
  expect([...used].filter((k) => !(k in ar))).toEqual([]);
});

test('numbers and dates in Arabic-Indic or Latin digits', () => {
  expect(formatNumber(1234, 'ar', 'arab')).toBe('١٬٢٣٤');
  expect(formatNumber(1234, 'ar', 'latn')).toBe('1,234');
  expect(localDigits('401234567', 'arab')).toBe('٤٠١٢٣٤٥٦٧');
  expect(formatDay('1984-05-17', 'ar', 'arab')).toContain('١٩٨٤');
  expect(formatDay('1984-05-17', 'ar', 'latn')).toContain('1984');
  expect(formatDay('1984-05-17', 'en', 'latn')).toBe('17 May 1984');
  expect(formatDay('1988', 'en', 'latn', 'year')).toBe('1988');
  expect(interpolate('{a} → {b}', { a: 'x', b: 'y' })).toBe('x → y');
});
