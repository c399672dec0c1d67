// The words of a normalised name, normalising each space-separated piece of the input once.
//
// A full name is nearly unique, but its words repeat enormously, so memoising by piece makes
// bulk work (an import of 1,000,000 rows with a Latin transliteration each) about four times
// faster on the name than normalising the whole string every time. The result is exactly
// normalize(s).split(' ') without empty words (test/names/words.test.ts checks it on random
// Unicode): both normalisers act character by character (NFKD, lowercase, marks and format
// characters dropped, letter and digit maps, non-letters to spaces), U+0020 passes all of them
// unchanged, and the only context-dependent step (lowercasing a final sigma) does not look
// across a space.
import { memo } from './memo.ts';

export function wordsBy(normalize: (s: string) => string): (s: string) => readonly string[] {
  const piece = memo((p: string): readonly string[] =>
    normalize(p)
      .split(' ')
      .filter((w) => w !== ''),
  );
  return (s: string) => {
    const out: string[] = [];
    for (const p of s.split(' ')) {
      if (p === '') continue;
      for (const w of piece(p)) out.push(w);
    }
    return out;
  };
}
