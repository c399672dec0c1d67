// Person search rules (pure): the keys of a search normalised as the registry stores them (422 naming
// the field otherwise), the plan of a name search (which query words must meet the stored tokens),
// the ranking of candidates, and the advice that fits what was searched.
import { errors } from '../errors.ts';
import { type NameParts, nameScore, queryGroups, queryWords } from '../names/index.ts';
import { parseNationalId } from './nationalId.ts';
import { parsePhone } from './phone.ts';

export function searchKeys(q: { nationalId?: string | undefined; phone?: string | undefined }): {
  nationalId: string | undefined;
  nationalIdCheckDigitValid: boolean | undefined;
  phone: string | undefined;
} {
  let nationalId: string | undefined;
  let nationalIdCheckDigitValid: boolean | undefined;
  if (q.nationalId !== undefined) {
    const r = parseNationalId(q.nationalId);
    if (!r.ok) throw errors.validation([{ field: 'nationalId', reason: r.reason }]);
    nationalId = r.value;
    nationalIdCheckDigitValid = r.checkDigitValid;
  }
  let phone: string | undefined;
  if (q.phone !== undefined) {
    const r = parsePhone(q.phone);
    if (!r.ok) throw errors.validation([{ field: 'phone', reason: r.reason }]);
    phone = r.value;
  }
  return { nationalId, nationalIdCheckDigitValid, phone };
}

/** Query words beyond this many are not used to find candidates (they still rank them). */
export const MAX_GROUPS = 6;

/**
 * How a name query finds candidates: every group (query word) is a list of stored tokens, any of
 * which it meets. `strict`: every group meets; `partial` (when `misses` > 0): all but `misses`
 * groups meet, as the list of group subsets of which one must fully meet. When the whole name finds
 * no one, long names allow a missed word (an unusual transliteration, a word the registry does not
 * have): 3-4 words one, 5 or more two.
 */
export type NamePlan = { groups: string[][]; misses: number; partial: number[][] };

export function namePlan(query: string): NamePlan {
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const g of queryGroups(query)) {
    const key = [...g].sort().join('\u0000');
    if (seen.has(key) || groups.length >= MAX_GROUPS) continue;
    seen.add(key);
    groups.push(g);
  }
  const n = groups.length;
  const misses = n >= 5 ? 2 : n >= 3 ? 1 : 0;
  return { groups, misses, partial: misses > 0 ? subsets(n, n - misses) : [] };
}

/** All k-element subsets of 0..n-1, in lexicographic order. */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = start; i < n; i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  return out;
}

/** Candidates ranked by how well their name answers the query (order-aware), then by id. */
export function rankByName<T extends NameParts & { id: string }>(query: string, candidates: readonly T[]): T[] {
  const words = queryWords(query);
  return candidates
    .map((c) => ({ c, s: nameScore(words, c) }))
    .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .map((x) => x.c);
}

/** Advice ids the search answer may carry (the screen words each one). */
export const SEARCH_ADVICE = [
  'nationalIdCheckDigit', // the ID number's check digit is wrong: a typing error, or a record kept unverified
  'nationalIdNotFound', // a valid ID number nobody in the actor's scope has
  'phoneNotFound',
  'queryLooksLikeNationalId', // a name search for 9 digits
  'queryLooksLikePhone', // a name search for a phone number
  'queryTooShort', // fewer than two letters in every word
  'addNameParts', // one word: add the father's or family name
  'crowded', // more people than are ranked: add parts of the name, or search by ID or phone
  'noNameMatch', // nobody: another spelling, fewer words, or the ID
] as const;
export type SearchAdvice = (typeof SEARCH_ADVICE)[number];

export type SearchFacts = {
  query?: string | undefined;
  nationalId?: string | undefined;
  nationalIdCheckDigitValid?: boolean | undefined;
  phone?: string | undefined;
  total: number;
  crowded: boolean;
};

/** The advice that fits what was searched and what was found (most useful first). */
export function searchAdvice(f: SearchFacts): SearchAdvice[] {
  const out: SearchAdvice[] = [];
  if (f.nationalId !== undefined && f.nationalIdCheckDigitValid === false) out.push('nationalIdCheckDigit');
  else if (f.nationalId !== undefined && f.total === 0) out.push('nationalIdNotFound');
  if (f.phone !== undefined && f.total === 0) out.push('phoneNotFound');
  if (f.query !== undefined) out.push(...nameAdvice(f.query, f.total, f.crowded));
  return out;
}

function nameAdvice(query: string, total: number, crowded: boolean): SearchAdvice[] {
  const compact = query.replace(/[\s\-().]/g, '').replace(/[\u0660-\u0669\u06F0-\u06F9]/g, '0');
  if (/^[0-9]{9}$/.test(compact)) return ['queryLooksLikeNationalId'];
  if (/^\+?[0-9]{9,15}$/.test(compact) && parsePhone(query).ok) return ['queryLooksLikePhone'];
  const words = queryWords(query);
  const letters = query.replace(/[^\p{L}]/gu, '');
  if (words.length === 0 || letters.length < 2 || words.every((w) => [...w.form].length < 2)) return ['queryTooShort'];
  if (crowded) return ['crowded'];
  if (total === 0) return ['noNameMatch'];
  if (words.length === 1 && total > 20) return ['addNameParts'];
  return [];
}
