// A registration being prepared on the device: the household and its members, nothing sent until
// "Save household"; what the server receives for it and what stops a save. No I/O (draftStore.ts
// keeps it on the device; test/web runs these rules in Node).
import { MAX_REGISTRATION_MEMBERS } from '../../../src/shared/registration.ts';
import type { Relationship } from '../../../src/shared/vocabulary.ts';
import type { PersonInputT, RegistrationInputT } from '../api/types.ts';

/** The person form's fields, as typed (see screens/PersonForm.tsx). */
export type PersonValues = {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  fullNameEn: string;
  sex: 'female' | 'male' | '';
  dateOfBirth: string;
  nationalId: string;
  phone: string;
  governorate: string;
  relationship: Relationship;
};

/** A registered person chosen with "Same person: use this record". */
export type ExistingPerson = {
  id: string;
  fullName: string;
  fullNameEn: string | null;
  governorate: string;
  dateOfBirth: string | null;
  /** Belongs to another household now: saving moves them into this one. */
  inOtherHousehold: boolean;
};

export type DraftMember =
  | { key: string; kind: 'new'; relationship: Relationship; values: PersonValues; body: PersonInputT }
  | { key: string; kind: 'existing'; relationship: Relationship; person: ExistingPerson };

export type Draft = {
  /** The registration's operation id (Idempotency-Key): a retry of the same save creates nothing twice. */
  operationId: string;
  governorate: string;
  recordId: string;
  members: DraftMember[];
  /** The person form as it was left (a reload mid-typing continues there). */
  form: PersonValues | null;
  /** Which member the form is editing, if any. */
  editing: string | null;
};

export const MAX_MEMBERS = MAX_REGISTRATION_MEMBERS;

export const emptyDraft = (governorate: string): Draft => ({
  operationId: crypto.randomUUID(),
  governorate,
  recordId: '',
  members: [],
  form: null,
  editing: null,
});

/** What POST /api/v1/registrations receives for this draft. */
export function registrationBody(d: Draft): RegistrationInputT {
  return {
    governorate: d.governorate,
    ...(d.recordId.trim() ? { recordId: d.recordId.trim() } : {}),
    members: d.members.map((m) =>
      m.kind === 'new'
        ? { kind: 'new' as const, relationship: m.relationship, person: m.body }
        : { kind: 'existing' as const, relationship: m.relationship, personId: m.person.id, move: m.person.inOtherHousehold },
    ),
  };
}

/** The draft's problems before it can be sent: no members, not exactly one head, no governorate. */
export function draftProblems(d: Draft): ('noMembers' | 'oneHead' | 'governorate' | 'tooMany')[] {
  const out: ('noMembers' | 'oneHead' | 'governorate' | 'tooMany')[] = [];
  if (!d.governorate) out.push('governorate');
  if (d.members.length === 0) out.push('noMembers');
  else if (d.members.filter((m) => m.relationship === 'head').length !== 1) out.push('oneHead');
  if (d.members.length > MAX_MEMBERS) out.push('tooMany');
  return out;
}

/** The server's field errors by member index (`members.3.person.givenName` -> 3). */
export function memberOfField(field: string): number | null {
  const m = /^members\.(\d+)\./.exec(field);
  return m ? Number(m[1]) : null;
}

/** The display name of a draft member. */
export function memberName(m: DraftMember): { fullName: string; fullNameEn: string | null } {
  if (m.kind === 'existing') return { fullName: m.person.fullName, fullNameEn: m.person.fullNameEn };
  const v = m.values;
  const fullName = [v.givenName, v.fatherName, v.grandfatherName, v.familyName]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  return { fullName, fullNameEn: v.fullNameEn.trim() || null };
}
