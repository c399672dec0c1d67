// The columns of an import file and how a file's header maps onto them.
//
// Sanad's own column names are below. A file with other names brings a small JSON mapping file,
// {"column in file": "sanad column"}; columns neither known nor mapped are ignored (and named on stderr).
import fs from 'node:fs/promises';
import type { PersonInput } from '../registry/person.ts';
import { restoreCell } from '../shared/spreadsheetCell.ts';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, PERSON_CSV_COLUMNS } from '../shared/personColumns.ts';
import { importLimits } from '../shared/limits.ts';

export const personColumns = PERSON_COLUMNS;
export const householdColumns = HOUSEHOLD_COLUMNS;
export const importColumns = PERSON_CSV_COLUMNS;
export type ImportColumn = (typeof importColumns)[number];

/** PersonInput field -> import column, for reporting errors in the file's terms. */
export const fieldToColumn: Record<string, ImportColumn> = {
  recordId: 'record_id',
  givenName: 'given_name',
  fatherName: 'father_name',
  grandfatherName: 'grandfather_name',
  familyName: 'family_name',
  fullName: 'full_name',
  fullNameEn: 'full_name_en',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  age: 'age',
  nationalId: 'national_id',
  phone: 'phone',
  governorate: 'governorate',
  householdId: 'household_id',
  relationship: 'relationship',
};

export type Mapping = Record<string, string>;

export class ImportSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportSetupError';
  }
}

/** A file beyond one of the importer's bounds (src/shared/limits.ts importLimits): the message names the limit. */
export class ImportLimitError extends ImportSetupError {
  constructor(message: string) {
    super(`The file cannot be imported: ${message} Fix the file and import it again.`);
    this.name = 'ImportLimitError';
  }
}

const known = new Set<string>(importColumns);

/** Reads and checks a mapping file: every target must be a Sanad column. */
export async function readMapping(file: string | undefined): Promise<Mapping> {
  if (!file) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new ImportSetupError(`The mapping file ${file} could not be read as JSON (${(e as Error).message.split('\n')[0]}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ImportSetupError('The mapping file must be a JSON object {"column in file": "sanad column"}.');
  const out: Mapping = {};
  for (const [from, to] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof to !== 'string' || !known.has(to))
      throw new ImportSetupError(
        `The mapping file maps "${from}" to "${String(to)}", which is not a Sanad column. Sanad columns: ${importColumns.join(', ')}.`,
      );
    out[normaliseHeader(from)] = to;
  }
  return out;
}

export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Where each Sanad column is in a row: column -> index. Also the file's name of each column, for reports. */
export type Layout = {
  index: Partial<Record<ImportColumn, number>>;
  fileName: Partial<Record<ImportColumn, string>>;
  header: string[];
  ignored: string[];
};

export function layoutOf(header: string[], mapping: Mapping, kind: 'persons' | 'households'): Layout {
  const index: Partial<Record<ImportColumn, number>> = {};
  const fileName: Partial<Record<ImportColumn, string>> = {};
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    const target = (mapping[h] ?? h) as ImportColumn;
    if (!known.has(target) || (kind === 'persons' && (householdColumns as readonly string[]).includes(target))) {
      if (h !== '') ignored.push(raw.trim());
      return;
    }
    if (index[target] !== undefined) throw new ImportSetupError(`Two columns of the file map to "${target}".`);
    index[target] = i;
    fileName[target] = raw.replace(/^\uFEFF/, '').trim();
  });
  if (index.governorate === undefined)
    throw new ImportSetupError('The file has no governorate column (P-code). Add one, or map yours with --mapping.');
  const named = ['given_name', 'family_name', 'full_name', 'full_name_en'].some((c) => index[c as ImportColumn] !== undefined);
  if (!named)
    throw new ImportSetupError(
      'The file has no name column: give given_name and family_name (and father_name, grandfather_name), or full_name.',
    );
  if (kind === 'households') {
    for (const c of householdColumns) if (index[c] === undefined) throw new ImportSetupError(`A households file needs a ${c} column.`);
  }
  return { index, fileName, header, ignored };
}

/** The column name to report for a field, as the file calls it. */
export function reportedColumn(layout: Layout, field: string): string {
  const col = fieldToColumn[field] ?? field;
  return layout.fileName[col as ImportColumn] ?? col;
}

export type RowFields = { input: Record<string, unknown>; householdId: string | undefined; relationship: string | undefined };

/**
 * The PersonInput-shaped object of one row: empty cells are absent, age becomes a number (a
 * non-number is kept as the string so that validation reports it).
 */
export function rowFields(row: readonly string[], layout: Layout): RowFields {
  const ix = layout.index;
  const input: Record<string, unknown> = {};
  setField(input, 'recordId', cell(row, ix.record_id));
  setField(input, 'givenName', cell(row, ix.given_name));
  setField(input, 'fatherName', cell(row, ix.father_name));
  setField(input, 'grandfatherName', cell(row, ix.grandfather_name));
  setField(input, 'familyName', cell(row, ix.family_name));
  setField(input, 'fullName', cell(row, ix.full_name));
  setField(input, 'fullNameEn', cell(row, ix.full_name_en));
  const sex = cell(row, ix.sex);
  if (sex !== undefined) input.sex = normaliseSex(sex);
  setField(input, 'dateOfBirth', cell(row, ix.date_of_birth));
  const age = cell(row, ix.age);
  if (age !== undefined) input.age = /^[0-9]{1,3}$/.test(age) ? Number(age) : age;
  setField(input, 'nationalId', cell(row, ix.national_id));
  setField(input, 'phone', cell(row, ix.phone));
  const gov = cell(row, ix.governorate);
  input.governorate = gov === undefined ? '' : gov.toUpperCase();
  return { input, householdId: cell(row, ix.household_id), relationship: cell(row, ix.relationship)?.toLowerCase() };
}

// Module-level helpers rather than closures in rowFields, which runs for every row of an import.
/** The trimmed cell at column i, as it was before an export neutralised it; undefined when the column is absent or the cell empty. */
function cell(row: readonly string[], i: number | undefined): string | undefined {
  if (i === undefined) return undefined;
  const v = row[i];
  if (v === undefined) return undefined;
  const t = restoreCell(v.trim());
  return t === '' ? undefined : t;
}

function setField(input: Record<string, unknown>, field: keyof PersonInput, v: string | undefined): void {
  if (v !== undefined) input[field] = v;
}

const SEX: Record<string, string> = { f: 'female', female: 'female', m: 'male', male: 'male', أنثى: 'female', انثى: 'female', ذكر: 'male' };
function normaliseSex(v: string): string {
  return SEX[v.toLowerCase()] ?? v;
}

/** The raw row as kept in quarantine: the file's column names and the cells as read. */
export function rawRow(row: readonly string[], header: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const n = Math.max(row.length, header.length);
  for (let i = 0; i < n; i++) {
    const v = row[i];
    if (v === undefined || v === '') continue;
    // NUL cannot be stored in jsonb: dropped here (the row is rejected for it).
    out[(header[i]?.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`).replaceAll('\u0000', '')] = v.replaceAll('\u0000', '');
  }
  return out;
}

/**
 * What quarantine keeps of a rejected row: a prefix of each cell, at most quarantineRowChars
 * characters of names and values together, so a hostile row is never stored whole.
 */
export function boundedRaw(raw: Record<string, string>, max: number = importLimits.quarantineRowChars): Record<string, string> {
  const out: Record<string, string> = {};
  let budget = max;
  for (const [k, v] of Object.entries(raw)) {
    if (k.length > budget) break;
    budget -= k.length;
    out[k] = v.length > budget ? v.slice(0, budget) : v;
    budget -= out[k]!.length;
  }
  return out;
}
