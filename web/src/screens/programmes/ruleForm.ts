// A programme rule as form fields (text as typed, choices) and back to the rule the API takes
// (src/aid/rules.ts): empty fields are left out, numbers are read in Latin or Arabic-Indic digits.
// Pure: no React.
import { numberOf } from '../../numberText.ts';

export { latinDigits, numberOf } from '../../numberText.ts';

export type TriState = '' | 'yes' | 'no';
export type RuleForm = {
  item: string;
  governorates: string[];
  displaced: TriState;
  inSite: TriState;
  vulnerabilities: string[];
  minSize: string;
  maxSize: string;
  base: string;
  perPerson: string;
  max: string;
  rounding: 'none' | 'up' | 'down';
  everyCycles: string;
  once: boolean;
};

export type RuleJson = {
  item: string;
  when: Record<string, unknown>;
  quantity: { base: number; perPerson: number; max?: number; rounding: RuleForm['rounding'] };
  frequency: { everyCycles: number; once: boolean };
};

export const blankRule = (item = ''): RuleForm => ({
  item,
  governorates: [],
  displaced: '',
  inSite: '',
  vulnerabilities: [],
  minSize: '',
  maxSize: '',
  base: '1',
  perPerson: '',
  max: '',
  rounding: 'none',
  everyCycles: '1',
  once: false,
});

/** The fields of a rule whose text is not a valid number (their names). */
export function badFields(f: RuleForm): string[] {
  const checks: [keyof RuleForm, number | undefined][] = [
    ['minSize', numberOf(f.minSize, { integer: true, min: 1 })],
    ['maxSize', numberOf(f.maxSize, { integer: true, min: 1 })],
    ['base', numberOf(f.base)],
    ['perPerson', numberOf(f.perPerson)],
    ['max', numberOf(f.max, { min: 0.0001 })],
    ['everyCycles', numberOf(f.everyCycles, { integer: true, min: 1, max: 52 })],
  ];
  const bad = checks.filter(([, n]) => n !== undefined && Number.isNaN(n)).map(([k]) => k as string);
  if (!f.item) bad.push('item');
  return bad;
}

const tri = (v: TriState): boolean | undefined => (v === '' ? undefined : v === 'yes');

/** The rule the API takes (call only when `badFields` is empty). */
export function toRule(f: RuleForm): RuleJson {
  const when: Record<string, unknown> = {};
  if (f.governorates.length) when.governorates = f.governorates;
  if (tri(f.displaced) !== undefined) when.displaced = tri(f.displaced);
  if (tri(f.inSite) !== undefined) when.inSite = tri(f.inSite);
  if (f.vulnerabilities.length) when.vulnerabilities = f.vulnerabilities;
  const minSize = numberOf(f.minSize);
  const maxSize = numberOf(f.maxSize);
  if (minSize !== undefined) when.minSize = minSize;
  if (maxSize !== undefined) when.maxSize = maxSize;
  const max = numberOf(f.max);
  return {
    item: f.item,
    when,
    quantity: {
      base: numberOf(f.base) ?? 0,
      perPerson: numberOf(f.perPerson) ?? 0,
      ...(max !== undefined ? { max } : {}),
      rounding: f.rounding,
    },
    frequency: { everyCycles: numberOf(f.everyCycles) ?? 1, once: f.once },
  };
}

const triOf = (v: unknown): TriState => (v === true ? 'yes' : v === false ? 'no' : '');
const text = (n: unknown): string => (typeof n === 'number' ? String(n) : '');

/** A saved rule (as the API gives it) back into form fields, to edit it. */
export function fromRule(r: RuleJson): RuleForm {
  const w = r.when as {
    governorates?: string[];
    displaced?: boolean;
    inSite?: boolean;
    vulnerabilities?: string[];
    minSize?: number;
    maxSize?: number;
  };
  return {
    item: r.item,
    governorates: w.governorates ?? [],
    displaced: triOf(w.displaced),
    inSite: triOf(w.inSite),
    vulnerabilities: w.vulnerabilities ?? [],
    minSize: text(w.minSize),
    maxSize: text(w.maxSize),
    base: text(r.quantity.base),
    perPerson: r.quantity.perPerson ? String(r.quantity.perPerson) : '',
    max: text(r.quantity.max),
    rounding: r.quantity.rounding,
    everyCycles: text(r.frequency.everyCycles),
    once: r.frequency.once,
  };
}
