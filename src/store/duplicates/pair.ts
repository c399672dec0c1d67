import type pg from 'pg';
import type { Person } from '../../registry/person.ts';
import type { Actor } from '../../access/actor.ts';
import { appendReadLog } from '../write.ts';
import { type Candidate, getCandidate, linked, personsOf } from './candidates.ts';

/** A pair with both full records and whether they are currently one identity. */
export type CandidatePair = Candidate & { a: Person; b: Person; linked: boolean };

/** Reads both records of a pair (already found in the actor's scope) and their link. */
export async function pairOf(db: pg.Pool | pg.PoolClient, c: Candidate): Promise<CandidatePair> {
  const { a, b } = await personsOf(db, c);
  return { ...c, a, b, linked: await linked(db, c) };
}

/** A pair in the actor's scope (not found otherwise) with both full records; the read is logged. */
export async function readPair(db: pg.Pool, actor: Actor, id: string): Promise<CandidatePair> {
  const c = await getCandidate(db, actor, id);
  await appendReadLog(db, actor, {
    entity: 'match_candidate',
    entityId: c.id,
    action: 'read',
    after: { personA: c.personA, personB: c.personB },
  });
  return pairOf(db, c);
}
