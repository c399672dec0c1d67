// Reprint a household card in one write: a new card for the same household, and the old one revoked
// as replaced. A card already revoked is not reprinted (its household gets a new card by issuing).
import type { SecretKey } from '../../access/secretBox.ts';
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { type IssuedCard, issueCard, revokeCard } from './cards.ts';

export async function reprintCard(ctx: WriteContext, secretKey: SecretKey | undefined, serial: number): Promise<IssuedCard> {
  // The card locked first, then its revocation read in a statement of its own (a fresh snapshot under
  // read committed): two reprints of one card at once make one new card, the second answers 404.
  const c = await ctx.client.query<{ household_id: string }>(
    'SELECT household_id FROM household_card WHERE serial = $1 AND org_id = $2 FOR UPDATE',
    [serial, ctx.actor.orgId],
  );
  const revoked = c.rows[0] && (await ctx.client.query('SELECT 1 FROM card_revocation WHERE serial = $1', [serial])).rowCount;
  if (!c.rows[0] || revoked) throw errors.notFound('valid card');
  // revokeCard checks that the actor may reach the household (its governorate) before anything is written
  await revokeCard(ctx, serial, 'replaced');
  return issueCard(ctx, secretKey, c.rows[0].household_id);
}
