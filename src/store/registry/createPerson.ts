import type { Person, PersonRecord } from '../../registry/person.ts';
import type { WriteContext } from '../write.ts';
import { PERSON_COLUMNS, type PersonRow, parsePersonRow, personSnapshot, personValues, RECORD_COLUMNS } from './personRow.ts';

const placeholders = RECORD_COLUMNS.map((_, i) => `$${i + 2}`).join(',');

/** Inserts a person (already prepared and validated) owned by the actor's organisation. */
export async function createPerson(ctx: WriteContext, p: PersonRecord): Promise<Person> {
  const r = await ctx.client.query<PersonRow>(
    `INSERT INTO person (org_id, ${RECORD_COLUMNS.join(', ')}) VALUES ($1,${placeholders}) RETURNING ${PERSON_COLUMNS}`,
    [ctx.actor.orgId, ...personValues(p)],
  );
  const person = parsePersonRow(r.rows[0]!);
  await ctx.log({ entity: 'person', entityId: person.id, action: 'create', after: personSnapshot(person) });
  return person;
}
