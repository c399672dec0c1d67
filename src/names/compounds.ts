// Compound names shared by the Arabic and Latin normalisers.

/** Joins each prefix word (عبد, ابو; abd, abu, ...) to the word after it, from the end of the name. */
export function attachPrefixes(words: readonly string[], prefixes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (prefixes.has(w) && out.length > 0) out[0] = w + out[0];
    else out.unshift(w);
  }
  return out;
}
