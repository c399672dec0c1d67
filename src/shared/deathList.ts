// A health ministry's death list: its columns, and why a row of it is held rather than applied.
// Shared by the server and the web app.

/** The list's header, in this order (names matched ignoring case, spaces and a byte-order mark). */
export const deathListColumns = [
  'national_id',
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'date_of_death',
  'list_reference',
] as const;
export type DeathListColumn = (typeof deathListColumns)[number];

/**
 * Why a row is held (kept in the list's quarantine, never applied): the ID number is not nine
 * digits; the date is not a calendar day (YYYY-MM-DD or DD/MM/YYYY) or is after today; no name is
 * given; no person in the registry (in the importer's scope) has the ID; more than one has it; the
 * person the ID finds has another name; the ID is on the list twice.
 */
export const deathListHeldReasons = [
  'malformed_id',
  'malformed_date',
  'missing_name',
  'future_date',
  'not_found',
  'ambiguous',
  'name_mismatch',
  'duplicate_in_list',
] as const;
export type DeathListHeldReason = (typeof deathListHeldReasons)[number];

/** Largest list taken in one upload through the API (the command line takes any size). */
export const DEATH_LIST_UPLOAD_ROWS = 10_000;
