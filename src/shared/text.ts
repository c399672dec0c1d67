// Characters a name must never hold: controls, format characters (direction overrides and isolates,
// zero-width spaces and joiners, the byte-order mark) and unpaired surrogates. They are invisible, so
// a stored name could display or export as something other than what it holds ("Ali\u202Egnp.exe").
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

export const hasHiddenCharacters = (s: string): boolean => HIDDEN.test(s);
