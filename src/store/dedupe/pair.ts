import type pg from 'pg';
import type { Person } from '../../registry/person.ts';
import { type Candidate, linked, personsOf } from './candidates.ts';

/** A pair with both full records and whether they are currently one identity. */
export type CandidatePair = Candidate & { a: Person; b: Person; linked: boolean };

/** Reads both records of a pair (already found in the actor's scope) and their link. */
export async function pairOf(db: pg.Pool | pg.PoolClient, c: Candidate): Promise<CandidatePair> {
  const { a, b } = await personsOf(db, c);
  return { ...c, a, b, linked: await linked(db, c) };
}
