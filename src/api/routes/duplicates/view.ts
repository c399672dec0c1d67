import type pg from 'pg';
import type { z } from 'zod';
import { linked, personsOf, type Candidate } from '../../../store/dedupe/candidates.ts';
import { personView } from '../persons/view.ts';
import type { CandidateView } from './schema.ts';

/** Both records side by side with the evidence. */
export async function candidateView(db: pg.Pool | pg.PoolClient, c: Candidate): Promise<z.infer<typeof CandidateView>> {
  const { a, b } = await personsOf(db, c);
  return {
    id: c.id,
    status: c.status,
    weight: c.weight,
    probability: c.probability,
    conflict: c.conflict,
    linked: await linked(db, c),
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    a: personView(a),
    b: personView(b),
    evidence: c.explanation,
  };
}
