// Card signing keys (rotation, retirement), household cards and their revocation.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { newKeyPair, privateKeyObject, publicKeyObject, signCard, type VerifyKey } from '../../aid/card.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import { errors } from '../../errors.ts';
import { getHousehold } from '../registry/households/findHousehold.ts';
import type { WriteContext } from '../write.ts';

type Db = pg.Pool | pg.PoolClient;
type KeyRow = { id: string; public_key: Buffer; private_key: Buffer | null; created_at: Date; retired_at: Date | null };

export async function createKey(ctx: WriteContext): Promise<{ id: string; publicKey: string }> {
  const id = `k${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const k = newKeyPair();
  await ctx.client.query('INSERT INTO card_key (id, public_key, private_key) VALUES ($1,$2,$3)', [id, k.publicKey, k.privateKey]);
  await ctx.log({ entity: 'card_key', entityId: null, action: 'create', after: { id, publicKey: k.publicKey.toString('base64url') } });
  return { id, publicKey: k.publicKey.toString('base64url') };
}

export async function retireKey(ctx: WriteContext, id: string): Promise<void> {
  const r = await ctx.client.query('UPDATE card_key SET retired_at = now(), private_key = NULL WHERE id = $1 AND retired_at IS NULL', [id]);
  if (!r.rowCount) throw errors.notFound('active key');
  await ctx.log({ entity: 'card_key', entityId: null, action: 'retire', after: { id } });
}

export async function listKeys(db: Db): Promise<{ id: string; publicKey: string; createdAt: string; retiredAt: string | null }[]> {
  const r = await db.query<KeyRow>(
    'SELECT id, public_key, NULL AS private_key, created_at, retired_at FROM card_key ORDER BY created_at, id',
  );
  return r.rows.map((k) => ({
    id: k.id,
    publicKey: k.public_key.toString('base64url'),
    createdAt: k.created_at.toISOString(),
    retiredAt: k.retired_at?.toISOString() ?? null,
  }));
}

const keyObjects = new Map<string, VerifyKey['publicKey']>();
/** Every key, retired ones marked (they no longer verify). Key objects are cached by id and key bytes. */
export async function verifyKeys(db: Db): Promise<Map<string, VerifyKey>> {
  const r = await db.query<{ id: string; public_key: Buffer; retired: boolean }>(
    'SELECT id, public_key, retired_at IS NOT NULL AS retired FROM card_key',
  );
  const out = new Map<string, VerifyKey>();
  for (const k of r.rows) {
    const cacheKey = `${k.id}:${k.public_key.toString('hex')}`;
    let obj = keyObjects.get(cacheKey);
    if (!obj) keyObjects.set(cacheKey, (obj = publicKeyObject(k.public_key)));
    out.set(k.id, { publicKey: obj, retired: k.retired });
  }
  return out;
}

/** `number` is printed on the card (serial and check digit); `token` goes into its QR code. */
export type IssuedCard = { serial: number; number: string; householdId: string; keyId: string; token: string };

export async function issueCard(ctx: WriteContext, householdId: string): Promise<IssuedCard> {
  await getHousehold(ctx.client, ctx.actor, householdId, true);
  // Signs with the newest active key; the first card ever creates one.
  let key = (
    await ctx.client.query<KeyRow>(
      'SELECT * FROM card_key WHERE retired_at IS NULL AND private_key IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1',
    )
  ).rows[0];
  if (!key) {
    await createKey(ctx);
    key = (
      await ctx.client.query<KeyRow>(
        'SELECT * FROM card_key WHERE retired_at IS NULL AND private_key IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1',
      )
    ).rows[0]!;
  }
  const r = await ctx.client.query<{ serial: number }>(
    'INSERT INTO household_card (household_id, org_id, key_id) VALUES ($1,$2,$3) RETURNING serial',
    [householdId, ctx.actor.orgId, key.id],
  );
  const serial = r.rows[0]!.serial;
  const token = signCard({ householdId, serial, keyId: key.id }, privateKeyObject(key.private_key!));
  await ctx.log({ entity: 'household_card', entityId: householdId, action: 'issue', after: { serial, keyId: key.id } });
  return { serial, number: cardNumber(serial), householdId, keyId: key.id, token };
}

export async function revokeCard(ctx: WriteContext, serial: number, reason: string): Promise<{ serial: number; revokedAt: string }> {
  const c = await ctx.client.query<{ household_id: string }>('SELECT household_id FROM household_card WHERE serial = $1 AND org_id = $2', [
    serial,
    ctx.actor.orgId,
  ]);
  if (!c.rows[0]) throw errors.notFound('card');
  await getHousehold(ctx.client, ctx.actor, c.rows[0].household_id);
  const r = await ctx.client.query<{ revoked_at: Date }>(
    'INSERT INTO card_revocation (serial, reason) VALUES ($1,$2) ON CONFLICT (serial) DO UPDATE SET serial = EXCLUDED.serial RETURNING revoked_at',
    [serial, reason],
  );
  await ctx.log({ entity: 'household_card', entityId: c.rows[0].household_id, action: 'revoke', after: { serial, reason } });
  return { serial, revokedAt: r.rows[0]!.revoked_at.toISOString() };
}
