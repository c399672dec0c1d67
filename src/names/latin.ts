// Latin-script names (transliterations of Arabic names): comparison form and tokens.
//
// normalizeLatin rules: apostrophes and ayn/hamza signs (' ’ ‘ ` ´ ʿ ʾ ʻ ʼ) are removed without a
// space ("Abu'l" → "abul", "Sha'er" → "shaer"); NFKD + lowercase + accents dropped ("Ḥasan" → "hasan");
// ß æ œ ø ł đ ð þ ı → ss ae oe o l d d th i; Arabic-Indic digits → ASCII; hyphens and every other
// non-letter → space ("Al-Najjar" → "al najjar": latinTokens joins the article back); spaces collapsed.
import { asciiDigits, fold, spaceOut } from './chars.ts';
import { wordsBy } from './words.ts';
import { attachPrefixes } from './compounds.ts';

const APOSTROPHES = /['’‘`´ʿʾʻʼ′]/g;
const LETTER_MAP: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const MAPPED = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Comparison form of Latin-script text. Idempotent; never throws. */
export function normalizeLatin(s: string): string {
  const folded = fold(s.replace(APOSTROPHES, '')).replace(MAPPED, (c) => LETTER_MAP[c] ?? '');
  return spaceOut(asciiDigits(folded.replace(APOSTROPHES, '')));
}

// Tokens, mirroring arabicTokens:
//  1. the article al / el joins the next word ("al najjar" → "alnajjar", "el sayed" → "elsayed"); the
//     assimilated forms (ad ar as at az an ash ud ur us ed er es en) join only when the next word starts
//     with the same consonant ("ar rahman", "ad din"): otherwise they may be names of their own;
//  2. bin / ibn / ben / bint between two words are dropped (see arabic.ts);
//  3. a word + din/deen/eddin/uddin/aldin... or + allah/ullah/alla joins the word before it
//     ("nour eddine" → "noureddine", "khalaf allah" → "khalafallah");
//  4. abd / abdel / abdul / abdal / abdil / abdol / abdou / abdu / abdoul and abu / abou / abo / abul / aboul join the
//     word after them ("abdel rahman", "abd al rahman", "abdul rahman" → "abdelrahman", "abdalrahman",
//     "abdulrahman": different strings, one skeleton).
// Written forms are kept (el stays el): the skeleton is what makes spellings meet.
const ARTICLES = new Set(['al', 'el']);
const ASSIMILATED = new Set(['ad', 'ar', 'as', 'at', 'az', 'an', 'ash', 'ud', 'ur', 'us', 'ed', 'er', 'es', 'en', 'ez', 'et']);
const CONNECTORS = new Set(['bin', 'ibn', 'ben', 'bint']);
const PREFIXES = new Set([
  'abd',
  'abdel',
  'abdul',
  'abdal',
  'abdil',
  'abdol',
  'abdou',
  'abdu',
  'abdoul',
  'abu',
  'abou',
  'abo',
  'abul',
  'aboul',
]);
/** din-type and allah-type second parts (optionally with their article already attached). */
export const LATIN_SUFFIX = /^(?:(?:[aeiu][dln]?)?d(?:i|ee|ea)ne?|(?:[aeiu]?l)?lah?)$/;

/** Normalised name tokens with compound names joined (never empty strings). */
const latinWords = wordsBy(normalizeLatin);

export function latinTokens(fullName: string): string[] {
  const words = latinWords(fullName);
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const joins =
      next !== undefined && (ARTICLES.has(w) || (ASSIMILATED.has(w) && i > 0 && next.startsWith(w === 'ash' ? 'sh' : w.slice(1))));
    if (joins) {
      joined.push(w + next);
      i++;
      continue;
    }
    joined.push(w);
  }
  const kept = joined.filter((w, i) => !(CONNECTORS.has(w) && i > 0 && i < joined.length - 1));
  const withSuffixes: string[] = [];
  for (const w of kept) {
    if (LATIN_SUFFIX.test(w) && withSuffixes.length > 0 && !ARTICLES.has(withSuffixes[withSuffixes.length - 1]!)) {
      withSuffixes[withSuffixes.length - 1] += w;
    } else withSuffixes.push(w);
  }
  return attachPrefixes(withSuffixes, PREFIXES);
}

/** Latin counterpart of stripArticle: "alnajjar" / "elnajjar" → "najjar" when 3+ letters remain. */
export function stripLatinArticle(token: string): string {
  const m = /^(?:al|el)(.{3,})$/.exec(token);
  return m ? m[1]! : token;
}
