// The recording errors of field registrations, applied to clean synthetic values: Arabic spelling
// variants (hamza, taa marbuta, alef maqsura), the article ال dropped or added, عبد spacing,
// keyboard and hearing typos, Latin re-spellings, date-of-birth slips, mistyped IDs.
// Every function returns the value unchanged when its error cannot apply.
import { latin, REFERENCE_DATE } from './attributes.ts';
import type { NameEntry } from './names.ts';
import type { Rng } from './random.ts';

const HAMZA_TO_BARE: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ؤ: 'و', ئ: 'ي' };

/** One orthographic variant: hamza forms, final ة/ه, final ى/ي. */
export function spellingVariant(rng: Rng, s: string): string {
  const options: (() => string)[] = [];
  if (/[أإآؤئ]/.test(s)) options.push(() => s.replace(/[أإآؤئ]/, (c) => HAMZA_TO_BARE[c] ?? c));
  if (/(^|\s)ا/.test(s)) options.push(() => s.replace(/(^|\s)ا(?!ل)/, '$1أ'));
  if (/ة(\s|$)/.test(s)) options.push(() => s.replace(/ة(\s|$)/, 'ه$1'));
  if (/[^\s]ه(\s|$)/.test(s)) options.push(() => s.replace(/ه(\s|$)/, 'ة$1'));
  if (/ى(\s|$)/.test(s)) options.push(() => s.replace(/ى(\s|$)/, 'ي$1'));
  if (/ي(\s|$)/.test(s)) options.push(() => s.replace(/ي(\s|$)/, 'ى$1'));
  return options.length ? rng.pick(options)() : s;
}

/** The family name with the article ال removed, or added where it had none. */
export function toggleArticle(s: string): string {
  if (s.startsWith('ال') && s.length > 4) return s.slice(2);
  if (!s.includes(' ') && !s.startsWith('ال')) return `ال${s}`;
  if (s.startsWith('أبو ال')) return `أبو ${s.slice(6)}`;
  return s;
}

/** عبد الله ↔ عبدالله, and أبو X → ابو X (most often) or أبوX. */
export function spacingVariant(rng: Rng, s: string): string {
  if (s.startsWith('عبد ')) return `عبد${s.slice(4)}`;
  if (/^عبد[^ ]/.test(s)) return `عبد ${s.slice(3)}`;
  if (s.startsWith('أبو ')) return rng.chance(0.7) ? `ابو ${s.slice(4)}` : `أبو${s.slice(4)}`;
  return s;
}

// Letters confused when heard or typed on an Arabic keyboard.
const CONFUSABLE: Record<string, string> = {
  ح: 'خج',
  خ: 'حج',
  ج: 'حخ',
  س: 'شص',
  ش: 'س',
  ص: 'سض',
  ض: 'صظ',
  ط: 'ظت',
  ظ: 'طض',
  د: 'ذ',
  ذ: 'دز',
  ر: 'ز',
  ز: 'رذ',
  ع: 'غء',
  غ: 'ع',
  ف: 'ق',
  ق: 'فك',
  ك: 'ق',
  ت: 'ثط',
  ث: 'تس',
  ب: 'ت',
  ن: 'ت',
  ه: 'ة',
  ة: 'ه',
  ي: 'ى',
  ى: 'ي',
  ا: 'أ',
  و: 'ؤ',
  م: 'ن',
  ل: 'ك',
};

/** One typo: a confusable letter, a dropped letter, a doubled letter, or two letters swapped. */
export function typo(rng: Rng, s: string): string {
  const letters = [...s];
  const at: number[] = [];
  letters.forEach((c, i) => c !== ' ' && at.push(i));
  if (at.length < 3) return s;
  const i = rng.pick(at);
  const c = letters[i] as string;
  switch (rng.int(0, 3)) {
    case 0: {
      const alt = CONFUSABLE[c];
      if (alt) letters[i] = rng.pick([...alt]);
      else letters.splice(i, 1);
      break;
    }
    case 1:
      if (i > 0) letters.splice(i, 1);
      else letters.splice(1, 1);
      break;
    case 2:
      letters.splice(i, 0, c);
      break;
    default: {
      const j = i + 1 < letters.length && letters[i + 1] !== ' ' ? i + 1 : i - 1;
      if (j >= 0 && letters[j] !== ' ') [letters[i], letters[j]] = [letters[j] as string, c];
    }
  }
  return letters.join('');
}

/** A Latin spelling chosen among all the usual ones with equal chance (the clerk's own habit). */
export function anyLatin(rng: Rng, name: NameEntry): string {
  return rng.chance(0.3) ? latin(rng, name) : rng.pick(name.en);
}

/** A Latin typo: a dropped, doubled or swapped letter. */
export function latinTypo(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = rng.int(1, s.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + (s[i] as string) + s.slice(i);
    default:
      return s.slice(0, i) + (s[i + 1] as string) + (s[i] as string) + s.slice(i + 2);
  }
}

// Dates of birth ---------------------------------------------------------------------------

/** Day and month swapped when both could be a month: 2001-03-07 → 2001-07-03. */
export function swapDayMonth(dob: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return dob;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

/** The same date one year earlier or later (never after REFERENCE_DATE), in the same format. */
export function shiftYear(rng: Rng, dob: string): string {
  const rest = dob.slice(4) === '-02-29' ? '-02-28' : dob.slice(4);
  const later = `${Number(dob.slice(0, 4)) + 1}${rest}`;
  return rng.chance(0.5) && later <= REFERENCE_DATE ? later : `${Number(dob.slice(0, 4)) - 1}${rest}`;
}

// National IDs -----------------------------------------------------------------------------

/** One digit replaced by another. */
export function substituteDigit(rng: Rng, id: string): string {
  const i = rng.int(0, id.length - 1);
  const d = (id.charCodeAt(i) - 48 + rng.int(1, 9)) % 10;
  return id.slice(0, i) + d + id.slice(i + 1);
}

/** Two adjacent, different digits swapped (a substitution when all digits are equal). */
export function transposeDigits(rng: Rng, id: string): string {
  const start = rng.int(0, id.length - 2);
  for (let k = 0; k < id.length - 1; k++) {
    const i = (start + k) % (id.length - 1);
    if (id[i] !== id[i + 1]) return id.slice(0, i) + (id[i + 1] as string) + (id[i] as string) + id.slice(i + 2);
  }
  return substituteDigit(rng, id);
}
