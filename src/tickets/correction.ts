// A data correction from a ticket: the proposed values checked as the person edit checks them, what
// they change, and who may decide it when. Pure: no I/O.
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import { type Person, type PersonInput, type PersonRecord, preparePerson } from '../registry/person.ts';
import type { CorrectionField } from '../shared/corrections.ts';
import { allows } from '../shared/permissions.ts';
import type { FieldError } from '../shared/problems.ts';

/** New values by field; null clears a field. */
export type Changes = Partial<Record<CorrectionField, string | null>>;

const NAME_PARTS: readonly CorrectionField[] = ['givenName', 'fatherName', 'grandfatherName', 'familyName'];

/** The date of birth as the edit form shows it for its precision (YYYY-MM-DD, YYYY-MM or YYYY). */
function dobInput(p: Pick<Person, 'dateOfBirth' | 'dobPrecision'>): string | undefined {
  if (!p.dateOfBirth) return undefined;
  if (p.dobPrecision === 'month') return p.dateOfBirth.slice(0, 7);
  if (p.dobPrecision === 'year' || p.dobPrecision === 'estimated') return p.dateOfBirth.slice(0, 4);
  return p.dateOfBirth;
}

/** The person as an edit's input: with the name parts known, the full name follows them. */
export function inputOf(p: Person): PersonInput {
  const hasParts = [p.givenName, p.fatherName, p.grandfatherName, p.familyName].some((x) => x !== null);
  const v = (x: string | null) => x ?? undefined;
  return {
    givenName: v(p.givenName),
    fatherName: v(p.fatherName),
    grandfatherName: v(p.grandfatherName),
    familyName: v(p.familyName),
    fullName: hasParts ? undefined : p.fullName,
    fullNameEn: v(p.fullNameEn),
    sex: p.sex ?? undefined,
    dateOfBirth: dobInput(p),
    nationalId: v(p.nationalId),
    phone: v(p.phone),
    governorate: p.governorate,
  };
}

/** A field's value on a record, as a proposal writes it (for "current" against "proposed"). */
export function fieldValue(p: Person | PersonRecord, f: CorrectionField): string | null {
  if (f === 'dateOfBirth') return dobInput(p) ?? null;
  const v = p[f];
  return v === null || v === undefined ? null : String(v);
}

/**
 * The person with the changes applied, checked as the person edit checks a record (422 naming the
 * fields), with the record id and an untouched date of birth kept as they are. A proposal that
 * changes nothing is refused (`changes`: no_change).
 */
export function applyChanges(current: Person, changes: Changes): { record: PersonRecord; changed: CorrectionField[] } {
  const input: PersonInput = { ...inputOf(current) };
  const fields = Object.keys(changes) as CorrectionField[];
  for (const f of fields) {
    const x = changes[f];
    (input as Record<string, unknown>)[f] = x === null || x === undefined || x.trim() === '' ? undefined : x;
  }
  // a name part given where only a full name was known: the parts take over
  if (fields.some((f) => NAME_PARTS.includes(f)) && !('fullName' in changes)) {
    input.fullName = undefined;
  }
  const r = preparePerson(input);
  if (!r.ok) throw errors.validation(r.errors);
  const record: PersonRecord = { ...r.value, recordId: current.recordId };
  if (!('dateOfBirth' in changes)) Object.assign(record, { dateOfBirth: current.dateOfBirth, dobPrecision: current.dobPrecision });
  const changed = fields.filter((f) => fieldValue(record, f) !== fieldValue(current, f));
  if (changed.length === 0) throw errors.validation([{ field: 'changes', reason: 'no_change' } satisfies FieldError]);
  return { record, changed };
}

export type RequestRef = { status: string; proposedBy: string; baseVersion: number };

/**
 * Whether the actor may decide the request now: one who may edit the person (the store has found the
 * person in their scope), never its proposer, while it waits; an approval only while the person is as
 * it was when proposed (a stale request is rejected, then proposed again on the record as it is).
 */
export function assertMayDecide(actor: Actor, r: RequestRef, personVersion: number, decision: 'approve' | 'reject'): void {
  if (!allows('PUT /api/v1/persons/:id', actor.role)) throw errors.forbidden();
  if (r.status !== 'proposed') throw errors.changeRequestDecided();
  if (r.proposedBy === actor.userId) throw errors.ownChangeRequest();
  if (decision === 'approve' && r.baseVersion !== personVersion) throw errors.changeRequestStale();
}
