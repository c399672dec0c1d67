import { errors } from '../../errors.ts';
import type { Person, PersonRecord } from '../../registry/person.ts';
import type { WriteContext } from '../write.ts';
import { getPerson } from './findPerson.ts';
import { PERSON_COLUMNS, parsePersonRow, personSnapshot, type PersonRow } from './personRow.ts';
import { assertInGovernorates } from '../../access/scope.ts';

/**
 * Replaces a person's registered fields. `expectedVersion` (from the record the user saw) guards
 * against lost updates. The change log keeps the before and after.
 */
export async function updatePerson(ctx: WriteContext, id: string, p: PersonRecord, expectedVersion: number | undefined): Promise<Person> {
  const before = await getPerson(ctx.client, ctx.actor, id, { forUpdate: true });
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw errors.versionConflict();
  assertInGovernorates(ctx.actor, p.governorate);
  const r = await ctx.client.query<PersonRow>(
    `UPDATE person SET record_id = coalesce($2, record_id), given_name = $3, father_name = $4, grandfather_name = $5, family_name = $6,
       full_name = $7, full_name_en = $8, name_key = $9, name_tokens = $10, sex = $11, date_of_birth = $12, dob_precision = $13,
       national_id = $14, national_id_valid = $15, phone = $16, governorate = $17, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${PERSON_COLUMNS}`,
    [
      id,
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
  const after = parsePersonRow(r.rows[0]!);
  await ctx.log({ entity: 'person', entityId: id, action: 'update', before: personSnapshot(before), after: personSnapshot(after) });
  return after;
}
