import type { Person } from '../../../registry/person.ts';
import type { z } from 'zod';
import type { PersonSummary, PersonView } from './schema.ts';

export function personView(p: Person): z.infer<typeof PersonView> {
  const warnings = p.nationalIdValid === false ? [{ field: 'nationalId', reason: 'check_digit_unverified' as const }] : undefined;
  return {
    id: p.id,
    recordId: p.recordId,
    givenName: p.givenName,
    fatherName: p.fatherName,
    grandfatherName: p.grandfatherName,
    familyName: p.familyName,
    fullName: p.fullName,
    fullNameEn: p.fullNameEn,
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    dobPrecision: p.dobPrecision,
    nationalId: p.nationalId,
    nationalIdVerified: p.nationalIdValid,
    phone: p.phone,
    governorate: p.governorate,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    ...(warnings ? { warnings } : {}),
  };
}

export function personSummary(p: Person): z.infer<typeof PersonSummary> {
  return {
    id: p.id,
    fullName: p.fullName,
    fullNameEn: p.fullNameEn,
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    dobPrecision: p.dobPrecision,
    governorate: p.governorate,
  };
}
