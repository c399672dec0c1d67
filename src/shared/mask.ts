// Masking identifiers shown to someone who may not need them whole: all but the last three digits
// hidden. Pure, shared by the server and the web app.

const hide = (run: string) => '•'.repeat(Math.max(0, run.length - 3)) + run.slice(-3);

/**
 * Every number of four or more digits in the text keeps only its last three: "400000003" ->
 * "••••••003", "400000011 (check digit fails)" -> "••••••011 (check digit fails)". Text without such
 * a number (null, "(missing)") stays as it is.
 */
export function maskDigits<T extends string | null | undefined>(v: T): T {
  if (v === null || v === undefined) return v;
  return String(v).replace(/\+?[0-9]{4,}/g, hide) as T;
}
