import { assertInGovernorates } from '../../access/scope.ts';
import { errors } from '../../errors.ts';
import type { Person, PersonRecord } from '../../registry/person.ts';
import type { WriteContext } from '../write.ts';
import { getPerson } from './findPerson.ts';
import { PERSON_COLUMNS, type PersonRow, parsePersonRow, personSnapshot, personValues, RECORD_COLUMNS } from './personRow.ts';

// A record id, once known, is kept when the update does not give one.
const assignments = RECORD_COLUMNS.map((c, i) => (c === 'record_id' ? `${c} = coalesce($${i + 2}, ${c})` : `${c} = $${i + 2}`)).join(', ');

/**
 * Replaces a person's registered fields. `expectedVersion` (from the record the user saw) guards
 * against lost updates. The change log keeps the before and after, and the reason given for the
 * change (never written to application logs).
 */
export async function updatePerson(
  ctx: WriteContext,
  id: string,
  p: PersonRecord,
  expectedVersion: number | undefined,
  reason?: string,
): Promise<Person> {
  const before = await getPerson(ctx.client, ctx.actor, id, { forUpdate: true });
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw errors.versionConflict();
  assertInGovernorates(ctx.actor, p.governorate);
  const r = await ctx.client.query<PersonRow>(
    `UPDATE person SET ${assignments}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${PERSON_COLUMNS}`,
    [id, ...personValues(p)],
  );
  const after = parsePersonRow(r.rows[0]!);
  await ctx.log({ entity: 'person', entityId: id, action: 'update', before: personSnapshot(before), after: personSnapshot(after), reason });
  return after;
}
