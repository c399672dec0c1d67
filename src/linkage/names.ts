// Name normalisation used by the linkage engine.
//
// The project's name library lives in src/names (normalizeArabic, normalizeLatin, skeleton, ...).
// Until it is available this module carries small, conservative stand-ins with the same
// signatures; the rest of the engine imports names only from here, so switching to src/names is a
// one-file change.

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function isArabic(s: string): boolean {
  return /[\u0600-\u06FF]/.test(s);
}

/** Arabic normalisation for comparison: no diacritics or tatweel, one alef, ة→ه, ى→ي, hamza carriers folded. */
export function normalizeArabic(s: string): string {
  return s
    .normalize('NFC')
    .replace(TASHKEEL, '')
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ء/g, '')
    .replace(/[^\u0621-\u064A0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Latin normalisation: lower case, no accents, letters and digits only. */
export function normalizeLatin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʿʾ]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const AR_PREFIX_JOIN = new Set(['عبد', 'ابو', 'بو', 'ام']);
const LAT_PREFIX_JOIN = new Set(['abd', 'abdel', 'abdul', 'abdal', 'abu', 'abou', 'um', 'umm']);
const LAT_ARTICLE = new Set(['al', 'el', 'al-', 'el-']);

/** Removes a leading Arabic or Latin definite article from one token. */
export function stripArticle(token: string): string {
  if (token.length > 3 && token.startsWith('ال')) return token.slice(2);
  if (token.length > 4 && (token.startsWith('al') || token.startsWith('el'))) {
    // "alnajjar" → "najjar"; keep short names such as "ali", "elias" intact
    const rest = token.slice(2);
    if (rest.length >= 3 && !/^[aeiouy]/.test(rest) && token !== 'elias') return rest;
  }
  return token;
}

/** Tokens of an Arabic full name: compound names (عبد الله, ابو بكر) joined, articles kept. */
export function arabicTokens(fullName: string): string[] {
  const raw = normalizeArabic(fullName).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (AR_PREFIX_JOIN.has(t) && i + 1 < raw.length) {
      out.push(t + raw[i + 1]!);
      i++;
    } else out.push(t);
  }
  return out;
}

/** Tokens of a Latin full name: articles (al-, el) attached to the next token, compounds joined. */
export function latinTokens(fullName: string): string[] {
  const raw = normalizeLatin(fullName.replace(/-/g, ' ')).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // "abd al karim" → "abdalkarim", "abu al hayja" → "abualhayja", "al amleh" → "amleh"
    if (LAT_PREFIX_JOIN.has(t) && i + 1 < raw.length) {
      if (LAT_ARTICLE.has(raw[i + 1]!) && i + 2 < raw.length) {
        t = t + raw[i + 1]! + raw[i + 2]!;
        i += 2;
      } else {
        t = t + raw[i + 1]!;
        i++;
      }
    } else if (LAT_ARTICLE.has(t) && i + 1 < raw.length) {
      t = raw[i + 1]!;
      i++;
    }
    out.push(t);
  }
  return out;
}

const AR_MAP: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 's', 'ج': 'j', 'ح': 'h', 'خ': 'k', 'د': 'd', 'ذ': 's', 'ر': 'r',
  'ز': 's', 'س': 's', 'ش': 's', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 's', 'غ': 'j', 'ف': 'f',
  'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ة': 'h', 'و': 'w', 'ي': 'y',
  'ى': 'y', 'پ': 'b', 'ڤ': 'f', 'گ': 'j', 'چ': 'j',
};

/**
 * Cross-script phonetic key: Arabic or Latin spelling of the same name → the same consonant
 * skeleton (محمد, Mohammed, Muhammad → "mhmd"; النجار, Al-Najjar → "njr").
 */
export function skeleton(token: string): string {
  if (!token) return '';
  let cons: string;
  if (isArabic(token)) {
    const t = stripArticle(normalizeArabic(token).replace(/\s/g, ''));
    let s = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      const m = AR_MAP[c];
      if (m === undefined) continue; // ا ع ء and digits: no consonant
      if ((m === 'w' || m === 'y') && i > 0) continue; // long vowels inside a word
      s += m;
    }
    cons = s;
  } else {
    let t = stripArticle(normalizeLatin(token).replace(/\s/g, ''));
    t = t
      .replace(/th/g, 's').replace(/dh/g, 's').replace(/z/g, 's').replace(/kh/g, 'k').replace(/gh/g, 'j')
      .replace(/sh/g, 's').replace(/ch/g, 's').replace(/ph/g, 'f').replace(/q/g, 'k')
      .replace(/c/g, 'k').replace(/g/g, 'j').replace(/x/g, 'ks').replace(/v/g, 'f').replace(/p/g, 'b');
    let s = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (c >= '0' && c <= '9')) continue;
      if ((c === 'w' || c === 'y') && i > 0) continue;
      s += c;
    }
    cons = s;
  }
  // collapse doubled consonants; drop a final h (ة, -ah/-eh endings)
  let out = '';
  for (const c of cons) if (out[out.length - 1] !== c) out += c;
  if (out.length > 2 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

/** Similarity of two names' skeletons in [0, 1] (Jaro-Winkler on the consonant keys). */
export function skeletonSimilarity(a: string, b: string): number {
  return jaroWinklerStr(skeleton(a), skeleton(b));
}

function jaroWinklerStr(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length, lb = b.length;
  if (!la || !lb) return 0;
  const win = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const ma = new Uint8Array(la), mb = new Uint8Array(lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - win), hi = Math.min(lb - 1, i + win);
    for (let j = lo; j <= hi; j++) if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) { ma[i] = 1; mb[j] = 1; m++; break; }
  }
  if (!m) return 0;
  let t = 0, k = 0;
  for (let i = 0; i < la; i++) if (ma[i]) { while (!mb[k]) k++; if (a.charCodeAt(i) !== b.charCodeAt(k)) t++; k++; }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}
