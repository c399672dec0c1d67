import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Person } from '../../registry/person.ts';
import type { Relationship } from '../../registry/vocabulary.ts';
import { appendReadLog } from '../write.ts';
import { getPerson } from './findPerson.ts';
import { currentMembership } from './households/membership.ts';

export type PersonWithHousehold = { person: Person; household: { id: string; relationship: Relationship; since: string } | null };

/** A person's full record with the household they belong to now; the read is logged. 404 outside the actor's scope. */
export async function readPerson(db: pg.Pool, actor: Actor, id: string): Promise<PersonWithHousehold> {
  const person = await getPerson(db, actor, id);
  await appendReadLog(db, actor, { entity: 'person', entityId: person.id, action: 'read' });
  const m = await currentMembership(db, person.id);
  return { person, household: m ? { id: m.householdId, relationship: m.relationship, since: m.since } : null };
}
