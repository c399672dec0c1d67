import type { PersonRecord, Person } from '../../registry/person.ts';
import type { WriteContext } from '../write.ts';
import { PERSON_COLUMNS, parsePersonRow, personSnapshot, type PersonRow } from './personRow.ts';

/** Inserts a person (already prepared and validated) owned by the actor's organisation. */
export async function createPerson(ctx: WriteContext, p: PersonRecord): Promise<Person> {
  const r = await ctx.client.query<PersonRow>(
    `INSERT INTO person (org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en,
       name_key, name_tokens, sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING ${PERSON_COLUMNS}`,
    [
      ctx.actor.orgId,
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
    ],
  );
  const person = parsePersonRow(r.rows[0]!);
  await ctx.log({ entity: 'person', entityId: person.id, action: 'create', after: personSnapshot(person) });
  return person;
}
