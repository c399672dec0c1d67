// One row of an import file, checked: the shared PersonInput schema, then preparePerson, then the
// import's own rules (the actor's governorates, the household columns). Reasons never quote values.
import { OUTSIDE_GOVERNORATES } from '../errors.ts';
import { PersonInput, preparePerson, type PersonRecord } from '../registry/person.ts';
import { type FieldError, zodReason } from '../registry/fieldError.ts';
import { relationships, sexes, type Relationship } from '../registry/vocabulary.ts';
import { textLimits as L } from '../shared/limits.ts';
import { hasHiddenCharacters } from '../shared/text.ts';
import { rowFields, type Layout, reportedColumn } from './columns.ts';

export type ValidRow = { ok: true; person: PersonRecord; householdId: string | null; relationship: Relationship | null };
export type InvalidRow = { ok: false; errors: FieldError[] };

export type RowContext = {
  kind: 'persons' | 'households';
  layout: Layout;
  /** Governorates the actor works in; rows elsewhere are rejected. */
  governorates: ReadonlySet<string>;
  /** Stable key for a row without record_id: the file's digest and the row number. */
  derivedRecordId: (rowNumber: number) => string;
  today: Date;
};

const relationshipSet = new Set<string>(relationships);

export function validateRow(row: readonly string[], rowNumber: number, ctx: RowContext): ValidRow | InvalidRow {
  const { layout } = ctx;
  const errors: FieldError[] = [];
  if (row.length > layout.header.length && row.slice(layout.header.length).some((v) => v !== '')) {
    errors.push({ field: 'row', reason: 'row_too_long' });
  }
  for (const cell of row) {
    if (cell.includes('\u0000')) {
      // PostgreSQL text cannot hold NUL characters.
      errors.push({ field: 'row', reason: 'nul_character' });
      return { ok: false, errors };
    }
  }
  const f = rowFields(row, layout);
  if (f.input.recordId === undefined) f.input.recordId = ctx.derivedRecordId(rowNumber);
  // A row PersonInput accepts as it is (nearly every row) skips zod; any other goes through it for its errors.
  const plain = plainInput(f.input);
  const parsed = plain ? { success: true as const, data: plain } : PersonInput.safeParse(f.input);
  let person: PersonRecord | undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ field: reportedColumn(layout, String(issue.path[0] ?? 'row')), ...zodReason(issue, f.input) });
  } else {
    const prepared = preparePerson(parsed.data, ctx.today);
    if (!prepared.ok) for (const e of prepared.errors) errors.push({ ...e, field: reportedColumn(layout, e.field) });
    else {
      person = prepared.value;
      if (!ctx.governorates.has(person.governorate))
        errors.push({ field: reportedColumn(layout, 'governorate'), reason: OUTSIDE_GOVERNORATES });
    }
  }
  let householdId: string | null = null;
  let relationship: Relationship | null = null;
  if (ctx.kind === 'households') {
    if (f.householdId === undefined) errors.push({ field: reportedColumn(layout, 'householdId'), reason: 'required' });
    else if (f.householdId.length > 100)
      errors.push({ field: reportedColumn(layout, 'householdId'), reason: 'too_long', params: { max: 100 } });
    else householdId = f.householdId;
    if (f.relationship === undefined) errors.push({ field: reportedColumn(layout, 'relationship'), reason: 'required' });
    else if (!relationshipSet.has(f.relationship)) errors.push({ field: reportedColumn(layout, 'relationship'), reason: 'not_allowed' });
    else relationship = f.relationship as Relationship;
  }
  if (errors.length > 0 || !person) return { ok: false, errors };
  return { ok: true, person, householdId, relationship };
}

const sexSet = new Set<string>(sexes);

/** A trimmed string of 1 to `max` characters (as zod's .trim().min(1).max(max)), else undefined. */
function trimmedWithin(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length >= 1 && t.length <= max ? t : undefined;
}

/** Absent, or a trimmed string within bounds put back in place; false when zod must look at it. */
function plainName(input: Record<string, unknown>, field: string, max: number): boolean {
  const v = input[field];
  if (v === undefined) return true;
  const t = trimmedWithin(v, max);
  if (t === undefined) return false;
  input[field] = t;
  return true;
}

const plainString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

/**
 * The row's PersonInput when PersonInput.safeParse would accept it, with the same output (strings
 * trimmed where the schema trims): a hand check of the same rules, for the import's hot path. Any
 * doubt returns undefined, and the row goes through zod, which reports its errors.
 */
export function plainInput(input: Record<string, unknown>): PersonInput | undefined {
  if (input.recordId !== undefined) {
    const r = trimmedWithin(input.recordId, L.recordId);
    if (r === undefined || hasHiddenCharacters(r)) return undefined;
    input.recordId = r;
  }
  if (
    !plainName(input, 'givenName', L.givenName) ||
    !plainName(input, 'fatherName', L.givenName) ||
    !plainName(input, 'grandfatherName', L.givenName) ||
    !plainName(input, 'familyName', L.givenName) ||
    !plainName(input, 'fullName', L.fullName) ||
    !plainName(input, 'fullNameEn', L.fullNameEn)
  )
    return undefined;
  if (input.sex !== undefined && !(typeof input.sex === 'string' && sexSet.has(input.sex))) return undefined;
  const age = input.age;
  if (age !== undefined && !(typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 130)) return undefined;
  if (!plainString(input.dateOfBirth, L.dateOfBirth) || !plainString(input.nationalId, L.nationalId) || !plainString(input.phone, L.phone))
    return undefined;
  if (typeof input.governorate !== 'string') return undefined;
  for (const k in input) if (!personInputKeys.has(k)) return undefined;
  return input as PersonInput;
}

const personInputKeys = new Set(Object.keys(PersonInput.shape));
