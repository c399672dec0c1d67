import type { z } from 'zod';
import type { CandidatePair } from '../../../store/duplicates/pair.ts';
import { personView } from '../persons/view.ts';
import type { CandidateView } from './schema.ts';
import { FAMILY_TIES } from '../../../shared/relations.ts';

/** Both records side by side with the evidence. */
export function candidateView(c: CandidatePair): z.input<typeof CandidateView> {
  return {
    id: c.id,
    status: c.status,
    weight: c.weight,
    probability: c.probability,
    conflict: c.conflict,
    relation: c.relation,
    relative: FAMILY_TIES.has(c.relation),
    linked: c.linked,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    a: personView(c.a),
    b: personView(c.b),
    evidence: c.explanation,
  };
}
