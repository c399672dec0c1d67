// Every input limit in one place: the server's zod schemas refuse longer text (422 too_long, naming
// the limit), the web app's inputs take the same numbers as maxLength (TextField in
// web/src/components/ui.tsx picks them by the input's name), and the importer bounds its readers.

/** The longest text each field takes, by the field's name (the API's and the web inputs'). */
export const textLimits = {
  recordId: 100,
  givenName: 100,
  fatherName: 100,
  grandfatherName: 100,
  familyName: 100,
  fullName: 300,
  fullNameEn: 300,
  dateOfBirth: 10,
  nationalId: 20,
  phone: 30,
  /** why a record is changed (kept in the change log) */
  reason: 500,
  /** a note on a displacement */
  note: 1000,
  /** a search: a name in Arabic or Latin script */
  query: 200,
  term: 200,
  username: 100,
  password: 200,
  currentPassword: 200,
  newPassword: 200,
  householdRecordId: 100,
  /** names of sites, programmes, items, places */
  name: 200,
  cursor: 200,
} as const satisfies Record<string, number>;

export type LimitedField = keyof typeof textLimits;

/** The limit of a field by its name, if it has one. */
export function textLimitOf(name: string | undefined): number | undefined {
  return name !== undefined && Object.hasOwn(textLimits, name) ? textLimits[name as LimitedField] : undefined;
}

/**
 * The most members one household may have. Households in Gaza and the West Bank average five to six
 * people, and the largest extended families registered together (several generations sharing one
 * shelter) stay well under fifty; more than that is a data error (two families entered as one, a
 * runaway import), and since entitlements can count persons, an unbounded household would be
 * entitled to unbounded aid. Create, add member, merge and import all keep to it.
 */
export const HOUSEHOLD_MAX_MEMBERS = 50;

/** The largest JSON body the API reads (413 payload_too_large beyond it). */
export const BODY_LIMIT_BYTES = 1_048_576;

/** Bounds of the importer's readers: a hostile or broken file stops with a clear error, never exhausts memory. */
export const importLimits = {
  /** the largest import file */
  fileBytes: 512 * 1024 * 1024,
  /** the longest cell of a CSV row or an XLSX sheet (characters) */
  cellChars: 10_000,
  /** the longest row (characters of its cells together, or of a CSV record) */
  rowChars: 64 * 1024,
  /** the most cells in a row */
  rowCells: 200,
  /** the longest shared string of an XLSX file (characters) */
  sharedStringChars: 10_000,
  /** the shared strings of an XLSX file together (characters) */
  sharedStringsChars: 100_000_000,
  /** the largest uncompressed XML part of an XLSX file (sheet, shared strings) */
  xlsxPartBytes: 1024 * 1024 * 1024,
  /** the most characters of a rejected row kept in quarantine (a prefix of each cell) */
  quarantineRowChars: 16 * 1024,
} as const;
