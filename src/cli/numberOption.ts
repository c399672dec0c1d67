// A command-line option that is a whole number: strict digits (src/shared/numbers.ts), within bounds.
import { InvalidArgumentError } from 'commander';
import { parseWholeNumber } from '../shared/numbers.ts';

/** commander's argument parser for a whole number from min to max, written in digits. */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = parseWholeNumber(value, min, max);
    if (n === undefined) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}, in digits.`);
    return n;
  };
}
