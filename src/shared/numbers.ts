// The one rule for a whole number written as text (a path, a query string, a command-line option):
// ASCII digits only, so `1e3`, `0x10`, ` 5`, `5.0`, `+5` or `` are refused rather than read as
// numbers (Number() and z.coerce read all of them).
export const WHOLE_NUMBER = /^[0-9]{1,16}$/;

/** The number, if the text is a whole number in digits from min to max; else undefined. */
export function parseWholeNumber(text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (!WHOLE_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}
