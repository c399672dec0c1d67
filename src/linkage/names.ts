// Name normalisation used by the linkage engine: the project's name library (src/names), adapted
// to the engine's needs in one place.
import {
  arabicTokens as arTokens,
  hasArabic,
  latinTokens as latTokens,
  normalizeArabic as normAr,
  normalizeLatin as normLat,
  skeleton as skel,
  skeletonSimilarity as skelSim,
  stripArticle as stripAr,
  stripLatinArticle,
} from '../names/index.ts';

export const isArabic = (s: string): boolean => hasArabic(s);
export const normalizeArabic = (s: string): string => normAr(s);
export const normalizeLatin = (s: string): string => normLat(s);
export const arabicTokens = (s: string): string[] => arTokens(s);
export const latinTokens = (s: string): string[] => latTokens(s);
/** Removes a leading definite article (ال, al-, el-) from one token of either script. */
export const stripArticle = (t: string): string => (hasArabic(t) ? stripAr(t) : stripLatinArticle(t));
/** Cross-script phonetic key (Arabic or Latin spelling of a name → the same key). */
export const skeleton = (t: string): string => skel(t);
export const skeletonSimilarity = (a: string, b: string): number => skelSim(a, b);
