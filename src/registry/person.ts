// A person as the registry keeps it, and the input that creates or changes one.
// `PersonInput` (zod) is the boundary shape shared by the API and the importers;
// `preparePerson` does the semantic checks and normalisation and returns `PersonRecord`.
import { z } from 'zod';
import { textLimits as L } from '../shared/limits.ts';
import type { Actor } from '../access/actor.ts';
import { assertInGovernorates } from '../access/scope.ts';
import { errors } from '../errors.ts';
import { isGovernorate } from '../places/governorates.ts';
import { nameKey, nameSearchTokens, type NameParts } from '../names/index.ts';
import { dateOfBirthFromAge, parseDateOfBirth, type DobPrecision } from './dateOfBirth.ts';
import type { FieldError, Result } from './fieldError.ts';
import { RecordIdInput } from './recordId.ts';
import { parseNationalId } from './nationalId.ts';
import { parsePhone } from './phone.ts';
import { sexes, type Sex } from './vocabulary.ts';
import { hasHiddenCharacters } from '../shared/text.ts';

const namePart = z.string().trim().min(1).max(L.givenName);

export const PersonInput = z.object({
  recordId: RecordIdInput.optional().describe("the source system's id for this record"),
  givenName: namePart.optional(),
  fatherName: namePart.optional(),
  grandfatherName: namePart.optional(),
  familyName: namePart.optional(),
  fullName: z.string().trim().min(1).max(L.fullName).optional().describe('Arabic-script full name, when the parts are not known'),
  fullNameEn: z.string().trim().min(1).max(L.fullNameEn).optional().describe('Latin transliteration'),
  sex: z.enum(sexes).optional(),
  dateOfBirth: z.string().max(L.dateOfBirth).optional().describe('YYYY-MM-DD, YYYY-MM or YYYY'),
  age: z.number().int().min(0).max(130).optional().describe('age in years when the date of birth is unknown'),
  nationalId: z.string().max(L.nationalId).optional(),
  phone: z.string().max(L.phone).optional(),
  governorate: z.string().describe('OCHA P-code of the governorate of registration, e.g. PS0260'),
});
export type PersonInput = z.infer<typeof PersonInput>;

export type PersonRecord = {
  recordId: string | null;
  givenName: string | null;
  fatherName: string | null;
  grandfatherName: string | null;
  familyName: string | null;
  fullName: string;
  fullNameEn: string | null;
  nameKey: string;
  nameTokens: string[];
  sex: Sex | null;
  dateOfBirth: string | null;
  dobPrecision: DobPrecision | null;
  nationalId: string | null;
  nationalIdValid: boolean | null;
  phone: string | null;
  governorate: string;
};

const LETTER = /\p{L}/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;

function checkName(field: string, v: string | undefined, errors: FieldError[]): void {
  if (v === undefined) return;
  if (hasHiddenCharacters(v)) errors.push({ field, reason: 'hidden_characters' });
  else if (!LETTER.test(v)) errors.push({ field, reason: 'letters_required' });
  else if (DIGIT.test(v)) errors.push({ field, reason: 'no_digits' });
}

export function preparePerson(input: PersonInput, today: Date = new Date()): Result<PersonRecord> {
  const errors: FieldError[] = [];
  const parts = [input.givenName, input.fatherName, input.grandfatherName, input.familyName];
  checkName('givenName', input.givenName, errors);
  checkName('fatherName', input.fatherName, errors);
  checkName('grandfatherName', input.grandfatherName, errors);
  checkName('familyName', input.familyName, errors);
  checkName('fullName', input.fullName, errors);
  checkName('fullNameEn', input.fullNameEn, errors);
  const hasParts = parts.some((p) => p !== undefined);
  if (hasParts && (!input.givenName || !input.familyName)) {
    errors.push({
      field: input.givenName ? 'familyName' : 'givenName',
      reason: 'name_part_required',
    });
  }
  if (!hasParts && !input.fullName && !input.fullNameEn) errors.push({ field: 'fullName', reason: 'name_required' });
  if (!isGovernorate(input.governorate)) errors.push({ field: 'governorate', reason: 'not_a_governorate' });

  let nationalId: string | null = null;
  let nationalIdValid: boolean | null = null;
  if (input.nationalId !== undefined && input.nationalId.trim() !== '') {
    const r = parseNationalId(input.nationalId);
    if (r.ok) {
      nationalId = r.value;
      nationalIdValid = r.checkDigitValid;
    } else errors.push({ field: 'nationalId', reason: r.reason });
  }
  let phone: string | null = null;
  if (input.phone !== undefined && input.phone.trim() !== '') {
    const r = parsePhone(input.phone);
    if (r.ok) phone = r.value;
    else errors.push({ field: 'phone', reason: r.reason });
  }
  let dateOfBirth: string | null = null;
  let dobPrecision: DobPrecision | null = null;
  if (input.dateOfBirth !== undefined && input.dateOfBirth.trim() !== '') {
    const r = parseDateOfBirth(input.dateOfBirth, today);
    if (r.ok) ({ date: dateOfBirth, precision: dobPrecision } = r.value);
    else errors.push({ field: 'dateOfBirth', reason: r.reason });
  } else if (input.age !== undefined) {
    const r = dateOfBirthFromAge(input.age, today);
    if (r.ok) ({ date: dateOfBirth, precision: dobPrecision } = r.value);
    else errors.push({ field: 'age', reason: r.reason });
  }
  if (errors.length > 0) return { ok: false, errors };

  const names = {
    givenName: input.givenName ?? null,
    fatherName: input.fatherName ?? null,
    grandfatherName: input.grandfatherName ?? null,
    familyName: input.familyName ?? null,
  };
  const fullName = hasParts ? parts.filter((p): p is string => p !== undefined).join(' ') : (input.fullName ?? input.fullNameEn ?? '');
  // With the parts known, the joined full name adds no tokens (and, unique per person, would only
  // crowd the name memo); it is tokenised only when it is all there is.
  const nameInput: NameParts = hasParts
    ? {
        givenName: input.givenName,
        fatherName: input.fatherName,
        grandfatherName: input.grandfatherName,
        familyName: input.familyName,
        fullNameEn: input.fullNameEn,
      }
    : { fullName, fullNameEn: input.fullNameEn };
  return {
    ok: true,
    value: {
      recordId: input.recordId ?? null,
      ...names,
      fullName,
      fullNameEn: input.fullNameEn ?? null,
      nameKey: nameKey(nameInput),
      nameTokens: nameSearchTokens(nameInput),
      sex: input.sex ?? null,
      dateOfBirth,
      dobPrecision,
      nationalId,
      nationalIdValid,
      phone,
      governorate: input.governorate,
    },
  };
}

/** `preparePerson` (422 with the field errors) plus the scope rule: you register people only in your governorates. */
export function preparePersonForActor(input: PersonInput, actor: Pick<Actor, 'governorates'>, today?: Date): PersonRecord {
  const r = preparePerson(input, today);
  if (!r.ok) throw errors.validation(r.errors);
  assertInGovernorates(actor, r.value.governorate);
  return r.value;
}

/** A person as read back from the store. */
export type Person = PersonRecord & {
  id: string;
  orgId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
