// The name module: normalisation, tokens, cross-script keys and search tokens for person names in
// Arabic and Latin script. Pure code, no I/O.
export { normalizeArabic, arabicTokens, stripArticle, repairLigature } from './arabic.ts';
export { normalizeLatin, latinTokens, stripLatinArticle } from './latin.ts';
export { skeleton, skeletonSimilarity } from './skeleton.ts';
export { jaroWinkler } from './jaroWinkler.ts';
export { nameSearchTokens, querySearchTokens, nameKey, tokensOf, type NameParts } from './searchTokens.ts';
export { hasArabic } from './chars.ts';
export { looseSkeletons, nameScore, queryGroups, queryWords, type QueryWord } from './searchQuery.ts';
