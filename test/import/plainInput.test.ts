// The import's hand check of PersonInput (plainInput, src/importer/validate.ts), which lets nearly
// every row skip zod: whatever a row holds, a row it passes is one PersonInput.safeParse accepts
// with the same output, and the rows it sends to zod are the ones zod refuses or must look at.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { layoutOf, personColumns, rowFields } from '../../src/importer/columns.ts';
import { plainInput } from '../../src/importer/validate.ts';
import { PersonInput } from '../../src/registry/person.ts';

const HEADER = [...personColumns];
const layout = layoutOf(HEADER, {}, 'persons');

const tricky = fc.constantFrom(
  '',
  ' ',
  '  محمد  ',
  'محمد',
  'عبد الله',
  'Ahmad',
  ' R-1 ',
  'R\u202E1',
  'A\u200Bb',
  "'=1+1",
  "' padded",
  'x'.repeat(10),
  'x'.repeat(11),
  'x'.repeat(20),
  'x'.repeat(21),
  'x'.repeat(30),
  'x'.repeat(31),
  'ن'.repeat(100),
  ` ${'ن'.repeat(100)} `,
  'ن'.repeat(101),
  'n'.repeat(300),
  'n'.repeat(301),
  'male',
  'F',
  'ذكر',
  'other',
  '0',
  '30',
  '130',
  '131',
  '-1',
  '007',
  '1e2',
  '٣٠',
  '1990-05-01',
  '1990-05-01 ',
  'PS0260',
  'ps0115',
  '\t',
);
const cellValue = fc.oneof({ arbitrary: tricky, weight: 4 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });

test('a row the hand check passes is one zod accepts, with the same output; one zod refuses never passes', () => {
  let passed = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.array(cellValue, { minLength: HEADER.length, maxLength: HEADER.length }), (row) => {
      const zod = PersonInput.safeParse(rowFields(row, layout).input);
      const plain = plainInput(rowFields(row, layout).input);
      if (plain) {
        passed++;
        expect(zod.success).toBe(true);
        expect(plain).toEqual(zod.data);
      } else if (!zod.success) refused++;
    }),
    { numRuns: 20_000 },
  );
  // both sides were exercised
  expect(passed).toBeGreaterThan(100);
  expect(refused).toBeGreaterThan(100);
});

test('the rows of a clean file all pass the hand check', () => {
  const rows = [
    [
      'R1',
      'محمد',
      'خليل',
      'إبراهيم',
      'النجار',
      '',
      'Mohammed Khalil Ibrahim Al-Najjar',
      'male',
      '1990-05-01',
      '',
      '400000004',
      '0599123456',
      'PS0260',
    ],
    ['R2', '', '', '', '', 'سارة علي حسن', '', 'F', '', '30', '', '', 'ps0115'],
    ['', 'Ahmad', '', '', 'Haddad', '', '', '', '1985', '', '', '', 'PS0275'],
  ];
  for (const row of rows) {
    const input = rowFields(row, layout).input;
    expect(plainInput({ ...input })).toEqual(PersonInput.parse(input));
  }
});
