// The one guard against formula injection in exported files: a text cell that a spreadsheet would
// run as a formula (it starts with = + - @, a tab or a carriage return) gets the usual leading
// apostrophe, in CSV and XLSX alike, from the API and the command line. The importer takes the
// apostrophe off again, so an export imports unchanged (a phone number +970... included).
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell<T>(v: T): T | string {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

/** The cell as it was before neutraliseCell ('=x' back to =x); any other cell unchanged. */
export function restoreCell(v: string): string {
  return v.charCodeAt(0) === 39 && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
}
