// Reprint a household card in one write: a new card for the same household, and the old one revoked
// as replaced. A card already revoked is not reprinted (its household gets a new card by issuing).
import type { SecretKey } from '../../access/secretBox.ts';
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { type IssuedCard, issueCard, revokeCard } from './cards.ts';

export async function reprintCard(ctx: WriteContext, secretKey: SecretKey | undefined, serial: number): Promise<IssuedCard> {
  const c = await ctx.client.query<{ household_id: string }>(
    `SELECT household_id FROM household_card c WHERE serial = $1 AND org_id = $2
       AND NOT EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial) FOR UPDATE`,
    [serial, ctx.actor.orgId],
  );
  if (!c.rows[0]) throw errors.notFound('valid card');
  // revokeCard checks that the actor may reach the household (its governorate) before anything is written
  await revokeCard(ctx, serial, 'replaced');
  return issueCard(ctx, secretKey, c.rows[0].household_id);
}
