// Search tokens for the registry's name search (PostgreSQL: name_tokens text[] with a GIN index, and a
// trigram index on name_key).
//
// Stored tokens (nameSearchTokens), for every name token of every name field, in either script:
//   a:<normalised Arabic token>   l:<normalised Latin token>   s:<skeleton> (cross-script key)
// Family names (familyName, and the last token of fullName / fullNameEn) are also stored without their
// article (a:نجار besides a:النجار, l:najjar besides l:alnajjar), so the article is optional in a query.
//
// Query tokens (querySearchTokens): each query word (compounds joined as in storage) becomes a group of
// alternatives: its own a:/l: form, its article-less form, and its s: skeleton. A record matches when
// every group has at least one alternative in its name_tokens:
//   name_tokens && ARRAY[group 1] AND name_tokens && ARRAY[group 2] ...
// Cross-script search works through the s: alternative: the query "محمد النجار" gives the groups
// [a:محمد, s:mhmd] and [a:النجار, a:نجار, s:njr], which a person stored only as "Mohammed Al-Najjar"
// (s:mhmd, s:njr) satisfies; the query "Mohamed Najjar" finds "محمد النجار" the same way. The s: keys
// are deliberately loose (a recall device); rank candidates with a finer score (trigram similarity on
// nameKey, skeletonSimilarity) before showing them.
import { arabicTokens, stripArticle } from './arabic.ts';
import { hasArabic } from './chars.ts';
import { latinTokens, stripLatinArticle } from './latin.ts';
import { memo } from './memo.ts';
import { skeleton } from './skeleton.ts';

export type NameParts = {
  givenName?: string | null;
  fatherName?: string | null;
  grandfatherName?: string | null;
  familyName?: string | null;
  fullName?: string | null;
  fullNameEn?: string | null;
};

/** Tokens of a free text, each run of Arabic-script or Latin-script words by its own tokenizer. */
export function tokensOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return cachedTokens(text).slice();
}

const cachedTokens = memo(computeTokens);
const cachedArabicTokens = memo(arabicTokens);

function computeTokens(text: string): readonly string[] {
  const out: string[] = [];
  let run: string[] = [];
  let runArabic = false;
  const flush = () => {
    if (run.length > 0) out.push(...(runArabic ? arabicTokens(run.join(' ')) : latinTokens(run.join(' '))));
    run = [];
  };
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const arabic = hasArabic(word);
    if (run.length > 0 && arabic !== runArabic) flush();
    runArabic = arabic;
    run.push(word);
  }
  flush();
  return out;
}

const formsPlain = memo((t) => computeForms(t, false));
const formsFamily = memo((t) => computeForms(t, true));
/** The a:/l: forms of one token (with the article-less form when asked), then its s: key. Read-only. */
const forms = (token: string, withoutArticle: boolean): readonly string[] => (withoutArticle ? formsFamily(token) : formsPlain(token));

function computeForms(token: string, withoutArticle: boolean): string[] {
  const arabic = hasArabic(token);
  const tag = arabic ? 'a:' : 'l:';
  const out = [tag + token];
  if (withoutArticle) out.push(tag + (arabic ? stripArticle(token) : stripLatinArticle(token)));
  const key = skeleton(token);
  if (key !== '') out.push(`s:${key}`);
  return out;
}

/** Tokens to store in a person's name_tokens column: deduplicated and sorted. */
export function nameSearchTokens(name: NameParts): string[] {
  const all = new Set<string>();
  addTokens(all, name.givenName, 'none');
  addTokens(all, name.fatherName, 'none');
  addTokens(all, name.grandfatherName, 'none');
  addTokens(all, name.familyName, 'all');
  addTokens(all, name.fullName, 'last');
  addTokens(all, name.fullNameEn, 'last');
  return [...all].sort();
}

// A module-level function rather than a closure in nameSearchTokens: this runs for every row of
// an import, and the TypeScript loader wraps each closure it creates in a naming call.
function addTokens(all: Set<string>, text: string | null | undefined, family: 'all' | 'last' | 'none'): void {
  if (!text) return;
  // Full names are nearly unique: memoising them would only churn the memo (their words are
  // memoised inside the tokenizers).
  const tokens = family === 'last' ? computeTokens(text) : cachedTokens(text);
  const last = tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    const isFamily = family === 'all' || (family === 'last' && i === last && last > 0);
    for (const f of forms(tokens[i]!, isFamily)) all.add(f);
  }
}

/** Token groups of a free-text query (either script): every group must meet name_tokens. */
export function querySearchTokens(query: string): string[][] {
  return tokensOf(query).map((t) => [...new Set(forms(t, true))]);
}

/**
 * One normalised string for trigram similarity: the Arabic name (given, father, grandfather, family,
 * or else fullName) as normalised tokens with compounds joined, separated by single spaces; when no
 * Arabic name is recorded, the Latin name the same way. "" when there is no name at all.
 */
export function nameKey(parts: NameParts): string {
  const split = [parts.givenName, parts.fatherName, parts.grandfatherName, parts.familyName];
  const arabicParts = split.filter((p): p is string => !!p && hasArabic(p));
  if (arabicParts.length > 0) return arabicParts.flatMap((p) => cachedArabicTokens(p)).join(' ');
  if (parts.fullName && hasArabic(parts.fullName)) return arabicTokens(parts.fullName).join(' ');
  const latinParts = split.filter((p): p is string => !!p);
  if (latinParts.length > 0) return latinParts.flatMap((p) => tokensOf(p)).join(' ');
  return tokensOf(parts.fullNameEn ?? parts.fullName).join(' ');
}
