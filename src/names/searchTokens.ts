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
/** An Arabic name part's normalised tokens, joined by spaces (its share of nameKey). */
const arabicPartKey = memo((p) => arabicTokens(p).join(' '));

function computeTokens(text: string): readonly string[] {
  const out: string[] = [];
  let run = ''; // the words of one script, joined by single spaces
  let runArabic = false;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const arabic = hasArabic(word);
    if (run !== '' && arabic !== runArabic) {
      pushAll(out, runArabic ? arabicTokens(run) : latinTokens(run));
      run = '';
    }
    runArabic = arabic;
    run = run === '' ? word : `${run} ${word}`;
  }
  if (run !== '') pushAll(out, runArabic ? arabicTokens(run) : latinTokens(run));
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
  const all: string[] = [];
  if (name.givenName) pushAll(all, partFormsPlain(name.givenName));
  if (name.fatherName) pushAll(all, partFormsPlain(name.fatherName));
  if (name.grandfatherName) pushAll(all, partFormsPlain(name.grandfatherName));
  if (name.familyName) pushAll(all, partFormsFamily(name.familyName));
  addFullName(all, name.fullName);
  addFullName(all, name.fullNameEn);
  // sorted, then each token once (the same as a Set sorted; cheaper for the ~15 tokens of a person)
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  all.length = n;
  return all;
}

// A name part (given, father's, grandfather's, family name) repeats across a population: the forms of
// all its tokens are made once per distinct part (an import of millions of rows looks each part up once
// instead of once per token). Read-only.
const partFormsPlain = memo((text) => partForms(text, false));
const partFormsFamily = memo((text) => partForms(text, true));

function partForms(text: string, family: boolean): readonly string[] {
  const out: string[] = [];
  for (const t of cachedTokens(text)) pushAll(out, forms(t, family));
  return out;
}

function pushAll(out: string[], items: readonly string[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
}

// A module-level function rather than a closure in nameSearchTokens: this runs for every row of
// an import, and the TypeScript loader wraps each closure it creates in a naming call.
/** A full name's tokens, the last also without its article (the family name). */
function addFullName(all: string[], text: string | null | undefined): void {
  if (!text) return;
  // Full names are nearly unique: memoising them would only churn the memo (their words are
  // memoised inside the tokenizers).
  const tokens = computeTokens(text);
  const last = tokens.length - 1;
  for (let i = 0; i <= last; i++) pushAll(all, forms(tokens[i]!, i === last && last > 0));
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
  if (arabicParts.length > 0) {
    // tokens are never empty: the parts' keys without the empty ones, joined, are the parts' tokens joined
    let key = '';
    for (const p of arabicParts) {
      const k = arabicPartKey(p);
      if (k !== '') key = key === '' ? k : `${key} ${k}`;
    }
    return key;
  }
  if (parts.fullName && hasArabic(parts.fullName)) return arabicTokens(parts.fullName).join(' ');
  const latinParts = split.filter((p): p is string => !!p);
  if (latinParts.length > 0) return latinParts.flatMap((p) => tokensOf(p)).join(' ');
  return tokensOf(parts.fullNameEn ?? parts.fullName).join(' ');
}
