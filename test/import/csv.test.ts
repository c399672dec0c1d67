// The import's CSV parser against csv-parse, on random files cut into random chunks.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { parseCsvChunk } from '../../src/importer/read.ts';

function parseInChunks(text: string, cuts: number[]): string[][] {
  const out: string[][] = [];
  let rest = '';
  let pos = 0;
  for (const cut of [...cuts.filter((c) => c < text.length)].sort((a, b) => a - b)) {
    const r = parseCsvChunk(rest + text.slice(pos, cut), ',', false, out.length);
    out.push(...r.records);
    rest = r.rest;
    pos = cut;
  }
  out.push(...parseCsvChunk(rest + text.slice(pos), ',', true, out.length).records);
  return out;
}

const cellArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '1', '-'), maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'ج'), maxLength: 6 }),
);
const rowsArb = fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });

function toCsv(rows: string[][], eol: string): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol) + eol;
}

test('parses quoted fields, embedded delimiters, quotes and line breaks across any chunk boundary', () => {
  fc.assert(
    fc.property(rowsArb, fc.array(fc.nat(200)), fc.constantFrom('\n', '\r\n'), (rows, cuts, eol) => {
      const text = toCsv(rows, eol);
      expect(parseInChunks(text, cuts)).toEqual(rows);
      expect(parseInChunks(text, cuts)).toEqual(parse(text, { relax_column_count: true }));
    }),
    { numRuns: 500 },
  );
});

test('skips blank lines and reads a last line without a line break', () => {
  expect(parseInChunks('a,b\n\n1,2\r\n\r\n3,"x\ny"', [5])).toEqual([
    ['a', 'b'],
    ['1', '2'],
    ['3', 'x\ny'],
  ]);
});

test('an unclosed quote is an error naming the record, not the content', () => {
  expect(() => parseCsvChunk('a,b\n1,"secret', ',', true)).toThrow(/data record 2/);
  expect(() => parseCsvChunk('a,b\n1,"secret', ',', true)).not.toThrow(/secret/);
});
