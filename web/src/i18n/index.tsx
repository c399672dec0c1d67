// The language context: t() for typed keys, the direction, and number/date formatting.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ar, type MessageKey } from './ar.ts';
import { en } from './en.ts';
import { formatDateTime, formatDay, formatNumber, interpolate, localDigits, type Digits, type Lang } from './format.ts';

export type { MessageKey, Lang, Digits };
export const messages: Record<Lang, Record<MessageKey, string>> = { ar, en };

export type I18n = {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  digits: Digits;
  setLang: (l: Lang) => void;
  setDigits: (d: Digits) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  num: (n: number) => string;
  day: (d: string, precision?: 'exact' | 'month' | 'year' | 'estimated') => string;
  dateTime: (iso: string) => string;
  digitsOf: (s: string) => string;
  /** Between the parts of a line: the language's comma, never "·" (it reads as the Arabic zero "٠"); see bidi.tsx. */
  sep: string;
};

const Ctx = createContext<I18n | null>(null);

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => stored('sanad.lang', ['ar', 'en'], 'ar'));
  // The digits are a setting per language: Arabic-Indic by default in Arabic, Latin in English.
  const [digitsByLang, setDigitsByLang] = useState<Record<Lang, Digits>>(() => ({
    ar: stored('sanad.digits.ar', ['arab', 'latn'], 'arab'),
    en: stored('sanad.digits.en', ['arab', 'latn'], 'latn'),
  }));
  const digits = digitsByLang[lang];
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = lang === 'ar' ? 'سند · Sanad' : 'Sanad · سند';
  }, [lang, dir]);
  const value = useMemo<I18n>(() => {
    const dict = messages[lang];
    return {
      lang,
      dir,
      digits,
      setLang: (l) => {
        setLangState(l);
        try {
          localStorage.setItem('sanad.lang', l);
        } catch {
          /* private mode */
        }
      },
      setDigits: (d) => {
        setDigitsByLang((x) => ({ ...x, [lang]: d }));
        try {
          localStorage.setItem(`sanad.digits.${lang}`, d);
        } catch {
          /* private mode */
        }
      },
      t: (key, vars) =>
        interpolate(
          dict[key],
          vars
            ? Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang, digits) : v]))
            : undefined,
        ),
      num: (n) => formatNumber(n, lang, digits),
      day: (d, p) => formatDay(d, lang, digits, p),
      dateTime: (iso) => formatDateTime(iso, lang, digits),
      digitsOf: (s) => localDigits(s, digits),
      sep: lang === 'ar' ? '، ' : ', ',
    };
  }, [lang, dir, digits]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
