import { maskDigits } from '../../../shared/mask.ts';
import { checkDraft } from '../../../store/duplicates/check.ts';
import { logPersonsShown } from '../../../store/registry/logPersonsShown.ts';
import { defineRoute } from '../../route.ts';
import { personSummary } from '../persons/view.ts';
import { CheckResponse, DraftCheck } from './schema.ts';
import { FAMILY_TIES } from '../../../shared/relations.ts';

const MASKED = new Set(['national_id', 'phone']);

export default defineRoute({
  method: 'POST',
  url: '/api/v1/duplicates/check',
  summary: 'Check a registration being typed against the registry: likely matches with per-field evidence (nothing is saved)',
  tags: ['duplicates'],
  body: DraftCheck,
  response: CheckResponse,
  rateLimit: { max: 300, timeWindow: '1 minute', per: 'credential' },
  handler: async ({ body, actor, store }) => {
    const { limit, ...draft } = body;
    const r = await checkDraft(store.pool, actor, draft, { limit });
    await logPersonsShown(
      store.pool,
      actor,
      'duplicate_check',
      r.matches.map((m) => m.person.id),
    );
    return {
      matches: r.matches.map((m) => ({
        person: personSummary(m.person),
        weight: m.weight,
        probability: m.probability,
        decision: m.decision,
        conflict: m.conflict,
        // An existing person's ID number and phone are masked: typing a name must not reveal them.
        evidence: m.evidence.map((e) => ({
          field: e.field,
          level: e.level,
          weight: e.weight,
          draft: e.left,
          existing: MASKED.has(e.field) ? maskDigits(e.right) : e.right,
        })),
        relation: m.relation,
        relative: FAMILY_TIES.has(m.relation),
      })),
      candidates: r.candidates,
      modelId: r.modelId,
      model: r.model,
    };
  },
});
