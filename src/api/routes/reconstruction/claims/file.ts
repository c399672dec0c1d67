import { fileClaim } from '../../../../store/reconstruction/claims/fileClaim.ts';
import { defineRoute } from '../../../route.ts';
import { ClaimInput, ClaimView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/claims',
  summary:
    "A household's claim for a housing unit (owner, tenant or heir): it joins the unit's joint case and is checked at once; mismatches send the case to inspection, never to refusal",
  tags: ['reconstruction'],
  body: ClaimInput,
  response: ClaimView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) =>
    created((ctx) =>
      fileClaim(ctx, {
        unitId: body.unitId,
        householdId: body.householdId,
        claimantId: body.claimantId ?? null,
        basis: body.basis,
        claimedClass: body.claimedClass,
        damageDate: body.damageDate,
      }),
    ),
});
