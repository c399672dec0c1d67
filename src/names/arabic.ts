// Arabic-script names: comparison form, tokens with compounds joined, optional article.
//
// normalizeArabic rules (in order):
//  - NFKD + lowercase + marks dropped (chars.ts): removes harakat, tanween, shadda, sukun, superscript
//    alef, Quranic marks, and splits hamza-carrier letters (أ إ آ ؤ ئ ۀ) into base letter + mark, so
//    أ إ آ → ا, ؤ → و, ئ → ي. Presentation forms and the ﷲ ligature become plain letters.
//  - ٱ ٲ ٳ → ا; ى ی ې ے → ي; ة ۃ → ه; ہ ھ ە → ه; ک ڪ → ك; گ → ك (the Persian gaf is drawn on kaf and
//    Levantine writers use ك for /g/ more often than ج); پ → ب; چ → ج; ڤ → ف.
//  - standalone hamza ء, high hamza ٴ, tatweel ـ and small waw/yeh are dropped: علاء = علا, رءوف = روف.
//    (Writers omit the hamza so often that keeping it would split one name in two.)
//  - Arabic-Indic digits → ASCII; ZWNJ/ZWJ/bidi marks removed; punctuation → space; spaces collapsed.
//  Latin letters in the input are kept, lowercased and without accents.
import { asciiDigits, fold, spaceOut } from './chars.ts';
import { wordsBy } from './words.ts';
import { attachPrefixes } from './compounds.ts';

const LETTER_MAP: Record<string, string> = {
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ے: 'ي',
  ة: 'ه',
  ۃ: 'ه',
  ہ: 'ه',
  ھ: 'ه',
  ە: 'ه',
  ک: 'ك',
  ڪ: 'ك',
  گ: 'ك',
  پ: 'ب',
  چ: 'ج',
  ڤ: 'ف',
  ء: '',
  ٴ: '',
  ـ: '',
  ۥ: '',
  ۦ: '',
};
const MAPPED = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Comparison form of Arabic-script text (see the rules above). Idempotent; never throws. */
export function normalizeArabic(s: string): string {
  return spaceOut(asciiDigits(fold(s).replace(MAPPED, (c) => LETTER_MAP[c] ?? '')));
}

// Tokens. Rules, applied to the normalised words:
//  1. a lone article joins the next word: "ال نجار" → "النجار" (a trailing lone "ال" is dropped);
//  2. PDF text extraction breaks the lam-alef ligature (لا comes out as ال): a word "هللا" is read as
//     "الله" and a word starting with "اال" (never Arabic) as starting with "الا" (see repairLigature);
//  3. the connectors بن / ابن / بنت ("son/daughter of") between two words are dropped: they carry no
//     identity and are written or omitted freely ("محمد بن سلمان" = "محمد سلمان"); at the start or end
//     of a name they are kept as ordinary words;
//  4. a word + الدين / الله / الاسلام is one name: "نور الدين" → "نورالدين", "خلف الله" → "خلفالله";
//  5. عبد and ابو join the word after them (right to left, so "ابو عبد الله" → "ابوعبدالله");
//  everything else stays separate ("محمد علي" is two names).
const SUFFIXES = new Set(['الدين', 'الله', 'الاسلام']);
const PREFIXES = new Set(['عبد', 'ابو']);
const CONNECTORS = new Set(['بن', 'ابن', 'بنت']);

/** Normalised name tokens with compound names joined (never empty strings). */
const arabicWords = wordsBy(normalizeArabic);

export function arabicTokens(fullName: string): string[] {
  const words = arabicWords(fullName);
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'ال') {
      const next = words[i + 1];
      if (next !== undefined) {
        joined.push(next.startsWith('ال') ? next : `ال${next}`);
        i++;
      }
      continue;
    }
    joined.push(repairLigature(w));
  }
  const kept = joined.filter((w, i) => !(CONNECTORS.has(w) && i > 0 && i < joined.length - 1));
  const withSuffixes: string[] = [];
  for (const w of kept) {
    if (SUFFIXES.has(w) && withSuffixes.length > 0) withSuffixes[withSuffixes.length - 1] += w;
    else withSuffixes.push(w);
  }
  return attachPrefixes(withSuffixes, PREFIXES);
}

/** Repairs the two unambiguous traces of a broken lam-alef ligature in one normalised word. */
export function repairLigature(word: string): string {
  if (word === 'هللا') return 'الله';
  return word.startsWith('اال') ? `الا${word.slice(3)}` : word;
}

// stripArticle: the leading ال is removed when at least 3 letters remain, so "النجار" → "نجار",
// "العلي" → "علي", but "الله" and "الفت" stay. A few given names begin with ال as part of the word
// (الياس Elias, الهام Ilham, الهامي, الماس): those are kept whole.
const ARTICLE_IN_ROOT = new Set(['الياس', 'الهام', 'الهامي', 'الماس']);

/** The token without its leading definite article (when that is safe; see above). */
export function stripArticle(token: string): string {
  if (!token.startsWith('ال') || ARTICLE_IN_ROOT.has(token)) return token;
  const rest = token.slice(2);
  return [...rest].length >= 3 ? rest : token;
}
