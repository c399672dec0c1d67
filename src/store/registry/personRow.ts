// Rows of `person` parsed into the domain type, inside the store.
import type { Person, PersonRecord } from '../../registry/person.ts';

export const PERSON_COLUMNS = `id, org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en,
  name_key, name_tokens, sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate, version, created_at, updated_at`;

export type PersonRow = {
  id: string;
  org_id: string;
  record_id: string | null;
  given_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  family_name: string | null;
  full_name: string;
  full_name_en: string | null;
  name_key: string;
  name_tokens: string[];
  sex: Person['sex'];
  date_of_birth: string | null;
  dob_precision: Person['dobPrecision'];
  national_id: string | null;
  national_id_valid: boolean | null;
  phone: string | null;
  governorate: string;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export function parsePersonRow(r: PersonRow): Person {
  return {
    id: r.id,
    orgId: r.org_id,
    recordId: r.record_id,
    givenName: r.given_name,
    fatherName: r.father_name,
    grandfatherName: r.grandfather_name,
    familyName: r.family_name,
    fullName: r.full_name,
    fullNameEn: r.full_name_en,
    nameKey: r.name_key,
    nameTokens: r.name_tokens,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    dobPrecision: r.dob_precision,
    nationalId: r.national_id,
    nationalIdValid: r.national_id_valid,
    phone: r.phone,
    governorate: r.governorate,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The person's fields as recorded in the change log (before/after). */
export function personSnapshot(p: Person | Omit<Person, 'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt'>): Record<string, unknown> {
  const { nameKey: _k, nameTokens: _t, ...rest } = p as Person;
  return rest;
}

/** The columns a `PersonRecord` fills, in the order of `personValues`. */
export const RECORD_COLUMNS: readonly string[] = `record_id given_name father_name grandfather_name family_name full_name full_name_en
  name_key name_tokens sex date_of_birth dob_precision national_id national_id_valid phone governorate`.split(/\s+/);

/** The values of a `PersonRecord` for RECORD_COLUMNS (the one place that lists them: create and update share it). */
export function personValues(p: PersonRecord): unknown[] {
  return [
    p.recordId,
    p.givenName,
    p.fatherName,
    p.grandfatherName,
    p.familyName,
    p.fullName,
    p.fullNameEn,
    p.nameKey,
    p.nameTokens,
    p.sex,
    p.dateOfBirth,
    p.dobPrecision,
    p.nationalId,
    p.nationalIdValid,
    p.phone,
    p.governorate,
  ];
}
