// Numbers given as text (command-line options, paths, query strings) follow one strict rule: digits
// only. Number() and z.coerce read `1e3` as 1000 and `0x10` as 16; these are refused.
import { InvalidArgumentError } from 'commander';
import { expect, test } from 'vitest';
import { wholeNumber } from '../../src/cli/numberOption.ts';
import { parseWholeNumber } from '../../src/shared/numbers.ts';

test('only digits are a whole number: not 1e3, hex, spaces, signs, decimals or Arabic-Indic digits', () => {
  for (const s of ['1e3', '0x10', ' 5', '5 ', '5.0', '+5', '-5', '', '١٢', '0b11', 'Infinity', '99999999999999999'])
    expect(parseWholeNumber(s), JSON.stringify(s)).toBeUndefined();
  expect(parseWholeNumber('1000')).toBe(1000);
  expect(parseWholeNumber('007')).toBe(7);
  expect(parseWholeNumber('5', 6, 10)).toBeUndefined();
});

test('command-line options (--households, --batch-size, --port, --days ...) refuse 1e3 with a clear message', () => {
  const households = wholeNumber(1, 10_000_000);
  expect(households('500')).toBe(500);
  for (const s of ['1e3', '0x10', ' 5', '0', '2.5']) expect(() => households(s), s).toThrow(InvalidArgumentError);
  expect(() => households('1e3')).toThrow('give a whole number from 1 to 10000000, in digits.');
});
