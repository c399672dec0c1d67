// A synthetic person as the registry's input (what an officer or an import file would give).
import type { PersonInput } from '../registry/person.ts';
import type { SyntheticPerson } from './households.ts';

export function personInputOf(p: Omit<SyntheticPerson, 'householdId' | 'relationship' | 'dobPrecision'>): PersonInput {
  return {
    recordId: p.recordId,
    givenName: p.givenName,
    fatherName: p.fatherName,
    ...(p.grandfatherName ? { grandfatherName: p.grandfatherName } : {}),
    familyName: p.familyName,
    ...(p.fullNameEn ? { fullNameEn: p.fullNameEn } : {}),
    sex: p.sex,
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : p.age !== undefined ? { age: p.age } : {}),
    ...(p.nationalId ? { nationalId: p.nationalId } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    governorate: p.governorate,
  };
}
