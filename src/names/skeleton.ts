// Cross-script phonetic key ("skeleton") of one name token, so that a name written in Arabic and its
// usual Latin transliterations get the same key: محمد, Mohammed, Muhammad, Mohamad → "mhmd".
// Rules tuned on bench/names.bench.ts (figures in docs/benchmarks.md).
//
// The script is detected per token. Both scripts are reduced to the same consonant classes:
//   b ب پ / b p      t ت ط ث ذ / t th   d د ض / d dh       z ز ظ / z       s س ص / s, c before e i y
//   c ش / sh ch sch  x خ / kh x         g غ / gh g         j ج / j         k ق ك / k q c ck
//   f ف ڤ / f v ph   h ح ه ة / h        l m n r as written (ذ is "th" and ظ "z" in Levantine usage)
// Vowels are dropped: Arabic ا و ي ى ع ء and Latin a e i o u y w (long vowels and weak letters are
// written or left out freely in both directions), with two exceptions:
//  - a token that begins with a vowel (ا ع / a e i o u) keeps one "a": Ibrahim / ابراهيم → "abrhm";
//  - a long u right before the last consonant is kept as "w" (Arabic و, Latin o/u/ou/oo): this is what
//    tells محمود Mahmoud ("mhmwd") from محمد Muhammad ("mhmd"), the most frequent collision otherwise.
// Then: one final h is dropped (ة, Fatmeh / Fatima, Abdallah / Abdalla), h right after t d s z k g c x j
// is dropped (th dh kh are letters, and Fathi / فتحي must meet), and runs of one class collapse
// (Mohammed → mhmd; shadda is not written).
// Compounds: a leading abd (عبد, abdel, abdul, abd-al, abdur...) is "abd" and the part after it loses
// its article and vowel mark (عبد الله / Abdullah / Abdalla → "abdl"); a trailing الدين / eddin / aldin
// / uddin / deen is "dn"; a trailing الله / allah after a longer first part is "l". A leading article
// (ال, al, el) is dropped when at least two consonants remain (Alnajjar / النجار → "njr"; Ali / علي and
// Alaa / علاء keep theirs: "al"). Digits are kept; other characters are ignored.
import { normalizeArabic, repairLigature } from './arabic.ts';
import { hasArabic } from './chars.ts';
import { jaroWinkler } from './jaroWinkler.ts';
import { normalizeLatin } from './latin.ts';

const AR_CLASS: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  د: 'd',
  ض: 'd',
  ذ: 't',
  ظ: 'z',
  ز: 'z',
  س: 's',
  ص: 's',
  ش: 'c',
  خ: 'x',
  غ: 'g',
  ج: 'j',
  ق: 'k',
  ك: 'k',
  ف: 'f',
  ح: 'h',
  ه: 'h',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ر: 'r',
};
const AR_VOWELS = new Set(['ا', 'و', 'ي', 'ع']);

/** Arabic part (normalised, no spaces) → class string, with a leading vowel marked "a". */
function arabicClasses(part: string): string {
  part = part.replace(/تش/g, 'ش').replace(/^([اع])و/, '$1');
  let out = '';
  const chars = [...part];
  chars.forEach((ch, i) => {
    if (AR_VOWELS.has(ch)) {
      if (i === 0) out += ch === 'ا' || ch === 'ع' ? 'a' : '';
      else out += ch === 'و' ? 'U' : 'V';
    } else out += AR_CLASS[ch] ?? (/[0-9]/.test(ch) ? ch : '');
  });
  return out;
}

const LATIN_RULES: [RegExp, string][] = [
  [/sch|sh|ch/y, 'c'],
  [/kh/y, 'x'],
  [/gh/y, 'g'],
  [/ph/y, 'f'],
  [/ck/y, 'k'],
  [/c(?=[eiy])/y, 's'],
  [/[cqk]/y, 'k'],
  [/x/y, 'ks'],
  [/[bp]/y, 'b'],
  [/[fv]/y, 'f'],
  [/g/y, 'g'],
  [/[a-z0-9]/y, ''],
];

/** Latin part (normalised, no spaces) → class string, with a leading vowel marked "a". */
function latinClasses(part: string): string {
  let out = /^[aeiou]/.test(part) ? 'a' : '';
  part = part.replace(/^[aeiou]+|^[wy]/, '');
  let i = 0;
  while (i < part.length) {
    let matched = false;
    for (const [re, cls] of LATIN_RULES) {
      re.lastIndex = i;
      const m = re.exec(part);
      if (m) {
        out += cls === '' ? latinSingle(m[0]) : cls;
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return out;
}

function latinSingle(ch: string): string {
  return 'ouw'.includes(ch) ? 'U' : 'aeiy'.includes(ch) ? 'V' : ch;
}

/** Class string post-processing shared by both scripts. */
function finish(classes: string): string {
  const s = classes
    .replace(/h$/, '')
    .replace(/[VU]+$/, '')
    .replace(/U(?=[^VU]$)/, 'w')
    .replace(/[VU]/g, '')
    .replace(/([tdszkgcxj])h+/g, '$1');
  return s.replace(/(.)\1+/g, '$1');
}

// Compound parts. Arabic tokens are normalised; Latin ones are normalised and lowercase ASCII.
const AR_ABD = /^عبد(?=.)/;
const AR_DIN = /(?<=.)الدين$/;
const AR_ALLAH = /(?<=.)ا?لله$/;
const LAT_ABD = /^abd(?:[aeiou]{1,2}l?)?/;
const LAT_DIN = /(?<=.)(?:[aeiu][dln]?)?d(?:i|ee|ea)ne?$/;
const LAT_ALLAH = /(?<=.)(?:[aeiu]?l)?lah?$/;

function arabicKey(t: string): string {
  let key = '';
  let rest = t;
  if (AR_ABD.test(rest)) {
    key = 'abd';
    rest = rest.slice(3);
    if (/^ا?لله?$/.test(rest)) return 'abdl';
    if (rest.startsWith('ال')) rest = rest.slice(2);
    return finishAbd(key, arabicClasses(rest));
  }
  let tail = '';
  if (AR_DIN.test(rest)) {
    tail = 'dn';
    rest = rest.replace(AR_DIN, '');
  } else if (key === '' && rest.length > 4 && AR_ALLAH.test(rest)) {
    tail = 'l';
    rest = rest.replace(AR_ALLAH, '');
  }
  if (key === '' && rest.startsWith('ال') && strongCount(arabicClasses(rest.slice(2))) >= 2) {
    return (
      arabicClasses(rest.slice(2))
        .replace(/^a/, '')
        .replace(/^[VU]+/, '') + tail
    );
  }
  return key + arabicClasses(rest) + tail;
}

function latinKey(t: string): string {
  let key = '';
  let rest = t;
  const abd = LAT_ABD.exec(rest);
  if (abd) {
    key = 'abd';
    if (/^[aeiou]?l+ah?$/.test(rest.slice(3))) return 'abdl';
    return finishAbd(key, latinClasses(rest.slice(abd[0].length)));
  }
  let tail = '';
  if (LAT_DIN.test(rest)) {
    tail = 'dn';
    rest = rest.replace(LAT_DIN, '');
  } else if (key === '' && rest.length > 5 && LAT_ALLAH.test(rest)) {
    tail = 'l';
    rest = rest.replace(LAT_ALLAH, '');
  }
  const art = /^(?:aa|a|e)l/.exec(rest)?.[0].length ?? 0;
  if (key === '' && art > 0 && strongCount(latinClasses(rest.slice(art))) >= 2) {
    return (
      latinClasses(rest.slice(art))
        .replace(/^a/, '')
        .replace(/^[VU]+/, '') + tail
    );
  }
  return key + latinClasses(rest) + tail;
}

/** abd + the key of the name after it, without a leading-vowel mark (the article may have hidden it). */
function finishAbd(key: string, rest: string): string {
  return key + rest.replace(/^a/, '').replace(/^[VU]+/, '');
}

function strongCount(classes: string): number {
  return classes
    .replace(/^a/, '')
    .replace(/h$/, '')
    .replace(/[VU]/g, '')
    .replace(/(.)\1+/g, '$1').length;
}

/** Cross-script phonetic key of one name token ("" when nothing phonetic is left). */
export function skeleton(token: string): string {
  if (hasArabic(token)) return finish(arabicKey(repairLigature(normalizeArabic(token).replace(/ /g, ''))));
  return finish(latinKey(normalizeLatin(token).replace(/[^a-z0-9]/g, '')));
}

/**
 * Graded similarity of two name tokens (either script) in [0, 1]: Jaro-Winkler on their skeletons.
 * Tokens whose skeletons are both empty compare by their normalised forms (1 when equal, else 0).
 */
export function skeletonSimilarity(a: string, b: string): number {
  const sa = skeleton(a);
  const sb = skeleton(b);
  if (sa === '' && sb === '') return normalizeLatin(normalizeArabic(a)) === normalizeLatin(normalizeArabic(b)) ? 1 : 0;
  return jaroWinkler(sa, sb);
}
