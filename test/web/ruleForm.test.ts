// The rule editor's form fields become the rule the API takes: empty fields are left out, numbers
// typed in Arabic-Indic digits or with the Arabic decimal sign are read, bad numbers are named, and
// what comes out passes the server's own rule schema.
import { expect, test } from 'vitest';
import { RuleSchema } from '../../src/aid/rules.ts';
import { badFields, blankRule, fromRule, numberOf, toRule } from '../../web/src/screens/programmes/ruleForm.ts';

test('numbers in Latin or Arabic-Indic digits; empty is undefined; out of range is NaN', () => {
  expect(numberOf('٣')).toBe(3);
  expect(numberOf('٠٫٥')).toBe(0.5);
  expect(numberOf(' 12 ')).toBe(12);
  expect(numberOf('')).toBeUndefined();
  expect(numberOf('1.5', { integer: true })).toBeNaN();
  expect(numberOf('0', { min: 1 })).toBeNaN();
  expect(numberOf('abc')).toBeNaN();
  expect(numberOf('-1')).toBeNaN();
});

test('a blank rule with an item is the simplest valid rule', () => {
  const f = blankRule('food_parcel');
  expect(badFields(f)).toEqual([]);
  const r = toRule(f);
  expect(r).toEqual({
    item: 'food_parcel',
    when: {},
    quantity: { base: 1, perPerson: 0, rounding: 'none' },
    frequency: { everyCycles: 1, once: false },
  });
  expect(RuleSchema.safeParse(r).success).toBe(true);
});

test('every field in the form reaches the rule, and the server accepts it', () => {
  const f = {
    ...blankRule('cash_ils'),
    governorates: ['PS0260'],
    displaced: 'yes' as const,
    inSite: 'no' as const,
    vulnerabilities: ['disability', 'female_headed'],
    minSize: '٢',
    maxSize: '10',
    base: '100',
    perPerson: '٢٠',
    max: '400',
    rounding: 'down' as const,
    everyCycles: '2',
    once: true,
  };
  const r = toRule(f);
  expect(r).toEqual({
    item: 'cash_ils',
    when: {
      governorates: ['PS0260'],
      displaced: true,
      inSite: false,
      vulnerabilities: ['disability', 'female_headed'],
      minSize: 2,
      maxSize: 10,
    },
    quantity: { base: 100, perPerson: 20, max: 400, rounding: 'down' },
    frequency: { everyCycles: 2, once: true },
  });
  expect(RuleSchema.parse(r)).toEqual(r);
  // and a saved rule comes back into the same fields (digits as Latin), to be edited
  expect(toRule(fromRule(r))).toEqual(r);
  expect(fromRule(r)).toMatchObject({ minSize: '2', perPerson: '20', displaced: 'yes', inSite: 'no', once: true });
});

test('bad fields are named: no item, a fractional size, a cap of 0, too many cycles', () => {
  expect(badFields({ ...blankRule(''), minSize: '2.5', max: '0', everyCycles: '53' }).sort()).toEqual([
    'everyCycles',
    'item',
    'max',
    'minSize',
  ]);
});
