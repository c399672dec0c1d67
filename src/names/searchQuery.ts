// A person-name search query (either script) against stored names: which stored search tokens a
// query word may meet (recall), and how well a stored name answers the query (ranking).
//
// Recall (queryGroups): each query word is a group of alternatives, as querySearchTokens gives
// (a:/l: form, article-less form, s: skeleton), plus two looser skeletons, because the one vowel the
// skeleton keeps (a long u before the last consonant, "w": محمود "mhmwd" vs محمد "mhmd") is the one
// transliterations write least consistently: Yusuf "swf" / يوسف "sf", Mansour / Munasoar, Anwar "anr" /
// انور "anwr", Abu Taha "abt" / أبو طه "abwt". The looser alternatives are the skeleton without its w and
// with a w before its last consonant. Stored tokens are unchanged (no re-indexing): the query side
// carries the variants.
//
// Ranking (nameScore): the query words are aligned, in order, with the words of the stored name (the
// Arabic parts, and separately the Latin name; the better of the two counts). Each aligned pair scores
// by how close the words are: same written form 1, same skeleton 0.9, a looser skeleton 0.8, else the
// Jaro-Winkler similarity of the skeletons scaled down (0 under 0.8). The order of the name parts is
// respected: an alignment keeps both sequences in order, so "محمد احمد" scores "محمد أحمد ..." above
// "أحمد محمد ...". A query word that is the stored name's first word (the given name) adds a little,
// as do stored names with no words the query did not name (a fuller match).
import { hasArabic } from './chars.ts';
import { jaroWinkler } from './jaroWinkler.ts';
import { memo } from './memo.ts';
import { type NameParts, querySearchTokens, tokensOf } from './searchTokens.ts';
import { skeleton } from './skeleton.ts';

/** The skeleton's looser forms: without its w, and with a w before its last consonant (either may be absent). */
export function looseSkeletons(key: string): string[] {
  if (key.length < 2) return [];
  const out = new Set<string>();
  const without = key.replace(/w/g, '').replace(/(.)\1+/g, '$1');
  if (without !== key && without.length >= 2) out.add(without);
  if (!/w.$/.test(key)) out.add(`${without.slice(0, -1)}w${without.slice(-1)}`);
  out.delete(key);
  return [...out];
}

/**
 * Token groups of a free-text query, every group with its looser skeleton alternatives. A word that
 * begins with the article and then a vowel is ambiguous across scripts: Latin "Alami" is العلمي (key
 * "lm": the article goes, the ع is a vowel) as much as "alami"; so Latin al/el + vowel also offers
 * the key without its leading a, and Arabic ال + ع/ا the key with one.
 */
export function queryGroups(query: string): string[][] {
  return querySearchTokens(query).map((group) => {
    const out = new Set(group);
    const word = group[0]!;
    for (const t of group) {
      if (!t.startsWith('s:')) continue;
      const key = t.slice(2);
      if (word.startsWith('l:')) for (const k of looseSkeletons(key)) out.add(`s:${k}`);
      if (/^l:(?:al|el)[aeiou]/.test(word) && /^al./.test(key)) out.add(`s:${key.slice(1)}`);
      if (/^a:ال[عا]/.test(word) && !key.startsWith('a')) out.add(`s:a${key}`);
    }
    return [...out];
  });
}

export type QueryWord = { form: string; arabic: boolean; key: string; loose: readonly string[] };

const wordOf = memo((form: string): QueryWord => {
  const key = skeleton(form);
  return { form, arabic: hasArabic(form), key, loose: looseSkeletons(key) };
});

/** How close two name words are, in [0, 1]. */
export function wordScore(a: QueryWord, b: QueryWord): number {
  if (a.form === b.form) return 1;
  if (a.key === '' || b.key === '') return 0;
  if (a.key === b.key) return 0.9;
  if (a.loose.includes(b.key) || b.loose.includes(a.key)) return 0.8;
  return keyScore(a.key < b.key ? `${a.key} ${b.key}` : `${b.key} ${a.key}`);
}

// Skeleton pairs repeat (names are common): Jaro-Winkler once per pair.
const keyScore = memo((pair: string): number => {
  const [a, b] = pair.split(' ') as [string, string];
  const jw = jaroWinkler(a, b);
  return jw < 0.8 ? 0 : (jw - 0.8) * 3.5; // 0.8..1 -> 0..0.7
});

/** Best in-order alignment of the query words with the stored words: the sum of the pair scores. */
function aligned(query: readonly QueryWord[], stored: readonly QueryWord[]): { sum: number; firstMatched: boolean } {
  const n = query.length;
  const m = stored.length;
  if (n === 0 || m === 0) return { sum: 0, firstMatched: false };
  // One row of the table at a time: row[j] is the best sum aligning query[0..i) with stored[0..j).
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let i = 1; i <= n; i++) {
    row[0] = 0;
    for (let j = 1; j <= m; j++) {
      const pair = prev[j - 1]! + wordScore(query[i - 1]!, stored[j - 1]!);
      row[j] = Math.max(pair, prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return { sum: prev[m]!, firstMatched: wordScore(query[0]!, stored[0]!) >= 0.8 };
}

/** The stored name's words: the Arabic parts in order (or the full name), and the Latin name. */
function storedWords(name: NameParts): QueryWord[][] {
  const parts = [name.givenName, name.fatherName, name.grandfatherName, name.familyName].filter((p): p is string => !!p);
  const arabic = parts.length > 0 ? parts.flatMap((p) => tokensOf(p)) : tokensOf(name.fullName);
  const latin = tokensOf(name.fullNameEn);
  return [arabic, latin].filter((w) => w.length > 0).map((ws) => ws.map(wordOf));
}

/** The words of a query, for nameScore (compute once per search). */
export function queryWords(query: string): readonly QueryWord[] {
  return tokensOf(query).map(wordOf);
}

/**
 * How well a stored name answers a query, in [0, 1] (1: the same words in the same order and nothing
 * more). Order-aware; either script on either side.
 */
export function nameScore(query: readonly QueryWord[], name: NameParts): number {
  if (query.length === 0) return 0;
  let best = 0;
  for (const stored of storedWords(name)) {
    const a = aligned(query, stored);
    const coverage = a.sum / query.length; // 0..1
    const first = a.firstMatched ? 1 : 0;
    const extra = Math.max(0, stored.length - query.length) / Math.max(stored.length, 1);
    best = Math.max(best, coverage * 0.9 + first * 0.07 + (1 - extra) * 0.03);
  }
  return best;
}
