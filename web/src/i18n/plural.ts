// Counts in the plural form of the language, chosen by Intl.PluralRules (Arabic has six: zero, one,
// two, few, many, other; English two). A count is a family of messages `<base>.<form>`, where
// `{count}` stands for the number in the reader's digits. A count withheld from an aggregate-only
// role (null) reads "fewer than 5" in the form of 5 ("أقل من ٥ أسر", "<5 households").
import { MIN_CELL } from '../../../src/shared/disclosure.ts';
import { type MessageKey, useI18n } from './index.tsx';

export const pluralForms = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof pluralForms)[number];
/** The bases of the message families that have every plural form. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.few` extends MessageKey ? B : never) : never;
}[MessageKey];

/** The form for n: 'zero' for 0 in every language (English has no zero form of its own). */
export function pluralForm(lang: string, n: number): PluralForm {
  return n === 0 ? 'zero' : (new Intl.PluralRules(lang).select(n) as PluralForm);
}

export type CountText = {
  /** the whole text */
  text: string;
  /** the text around the number, when the message shows it ("{count} people"); else only `text` */
  before?: string;
  number?: string;
  after?: string;
};

/** `(base, n, vars)` -> "n nouns" in the right form; vars fill the message's other placeholders. */
export function usePlural(): (base: PluralBase, n: number | null, vars?: Record<string, string | number>) => string {
  const parts = usePluralParts();
  return (base, n, vars) => parts(base, n, vars).text;
}

/** Like usePlural, with the number apart (to set it larger). */
export function usePluralParts(): (base: PluralBase, n: number | null, vars?: Record<string, string | number>) => CountText {
  const { t, lang, num } = useI18n();
  return (base, n, vars = {}) => {
    const form = pluralForm(lang, n ?? MIN_CELL);
    const number = n === null ? t('disclosure.fewerThan', { n: MIN_CELL }) : num(n);
    const key = `${base}.${form}` as MessageKey;
    const marker = '\u0000';
    const template = t(key, { ...vars, count: marker });
    const at = template.indexOf(marker);
    if (at < 0) return { text: template };
    const before = template.slice(0, at);
    const after = template.slice(at + 1);
    return { text: before + number + after, before, number, after };
  };
}
