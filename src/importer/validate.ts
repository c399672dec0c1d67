// One row of an import file, checked: the shared PersonInput schema, then preparePerson, then the
// import's own rules (the actor's governorates, the household columns). Reasons never quote values.
import { OUTSIDE_GOVERNORATES } from '../errors.ts';
import { PersonInput, preparePerson, type PersonRecord } from '../registry/person.ts';
import { type FieldError, zodReason } from '../registry/fieldError.ts';
import { relationships, type Relationship } from '../registry/vocabulary.ts';
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
  const parsed = PersonInput.safeParse(f.input);
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
