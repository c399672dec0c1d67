// Card signing keys (rotation, retirement), household cards and their revocation. A key belongs to
// one organisation (migration 0021): only its administrators see, rotate or retire it, only its cards
// are signed with it, and only its redemptions verify with it. Its private half is sealed with the
// server's secret key; keys shared before 0021 (org_id NULL) only verify the cards they signed.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { type SecretKey, seal, unseal } from '../../access/secretBox.ts';
import type pg from 'pg';
import { newKeyPair, privateKeyObject, publicKeyObject, signCard, type VerifyKey } from '../../aid/card.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import { errors, StoreError } from '../../errors.ts';
import { needKey } from '../access/secondFactor.ts';
import { getHousehold } from '../registry/households/findHousehold.ts';
import type { WriteContext } from '../write.ts';

type Db = pg.Pool | pg.PoolClient;
type KeyRow = {
  id: string;
  public_key: Buffer;
  private_key: Buffer | null;
  sealed_with: Buffer | null;
  created_at: Date;
  retired_at: Date | null;
};
const owner = (keyId: string) => `card_key:${keyId}`;

/** A new signing key of the actor's organisation, its private half sealed with the server's key. */
export async function createKey(ctx: WriteContext, secretKey: SecretKey | undefined): Promise<{ id: string; publicKey: string }> {
  const sk = needKey(secretKey);
  const id = `k${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const k = newKeyPair();
  await ctx.client.query('INSERT INTO card_key (id, public_key, private_key, sealed_with, org_id) VALUES ($1,$2,$3,$4,$5)', [
    id,
    k.publicKey,
    seal(sk, k.privateKey, owner(id)),
    sk.id,
    ctx.actor.orgId,
  ]);
  await ctx.log({ entity: 'card_key', entityId: null, action: 'create', after: { id, publicKey: k.publicKey.toString('base64url') } });
  return { id, publicKey: k.publicKey.toString('base64url') };
}

export async function retireKey(ctx: WriteContext, id: string): Promise<void> {
  const r = await ctx.client.query(
    'UPDATE card_key SET retired_at = now(), private_key = NULL WHERE id = $1 AND org_id = $2 AND retired_at IS NULL',
    [id, ctx.actor.orgId],
  );
  if (!r.rowCount) throw errors.notFound('active key');
  await ctx.log({ entity: 'card_key', entityId: null, action: 'retire', after: { id } });
}

/** The organisation's keys, and the shared keys made before 0021 that signed its cards. */
const KEYS_OF_ORG = `(org_id = $1 OR (org_id IS NULL AND EXISTS (SELECT 1 FROM household_card c WHERE c.key_id = card_key.id AND c.org_id = $1)))`;

export async function listKeys(
  db: Db,
  actor: Pick<Actor, 'orgId'>,
): Promise<{ id: string; publicKey: string; createdAt: string; retiredAt: string | null }[]> {
  const r = await db.query<KeyRow>(
    `SELECT id, public_key, NULL AS private_key, NULL AS sealed_with, created_at, retired_at FROM card_key WHERE ${KEYS_OF_ORG} ORDER BY created_at, id`,
    [actor.orgId],
  );
  return r.rows.map((k) => ({
    id: k.id,
    publicKey: k.public_key.toString('base64url'),
    createdAt: k.created_at.toISOString(),
    retiredAt: k.retired_at?.toISOString() ?? null,
  }));
}

const keyObjects = new Map<string, VerifyKey['publicKey']>();
/** The keys that verify the organisation's cards, retired ones marked (they no longer verify). Key objects are cached by id and key bytes. */
export async function verifyKeys(db: Db, orgId: string): Promise<Map<string, VerifyKey>> {
  const r = await db.query<{ id: string; public_key: Buffer; retired: boolean }>(
    `SELECT id, public_key, retired_at IS NOT NULL AS retired FROM card_key WHERE ${KEYS_OF_ORG}`,
    [orgId],
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

const NEWEST_SIGNING_KEY =
  'SELECT * FROM card_key WHERE org_id = $1 AND retired_at IS NULL AND private_key IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1';

function signingKey(sk: SecretKey, key: KeyRow) {
  if (!key.sealed_with || !sk.id.equals(key.sealed_with))
    throw new StoreError(
      'secret_key_mismatch',
      'A card signing key was sealed with another secret key: start the server with the same SANAD_SECRET_KEY or DATA/secret.key, or rotate the card key.',
    );
  return privateKeyObject(unseal(sk, key.private_key!, owner(key.id)));
}

/** The organisation's newest signing key, opened (for bulk issuing in benchmarks); undefined when it has none. */
export async function openSigningKey(
  db: Db,
  secretKey: SecretKey,
  orgId: string,
): Promise<{ id: string; privateKey: ReturnType<typeof privateKeyObject> } | undefined> {
  const key = (await db.query<KeyRow>(NEWEST_SIGNING_KEY, [orgId])).rows[0];
  return key && { id: key.id, privateKey: signingKey(secretKey, key) };
}

/** The organisation's active keys that still sign (their private halves opened), by id: to print cards again. */
export async function openSigningKeys(
  db: Db,
  secretKey: SecretKey,
  orgId: string,
): Promise<Map<string, ReturnType<typeof privateKeyObject>>> {
  const r = await db.query<KeyRow>('SELECT * FROM card_key WHERE org_id = $1 AND retired_at IS NULL AND private_key IS NOT NULL', [orgId]);
  return new Map(r.rows.map((k) => [k.id, signingKey(secretKey, k)]));
}

/** The organisation's newest active key, signs new cards; its first card creates one. */
export async function currentSigningKey(ctx: WriteContext, sk: SecretKey): Promise<KeyRow> {
  const key = (await ctx.client.query<KeyRow>(NEWEST_SIGNING_KEY, [ctx.actor.orgId])).rows[0];
  if (key) return key;
  await createKey(ctx, sk);
  return (await ctx.client.query<KeyRow>(NEWEST_SIGNING_KEY, [ctx.actor.orgId])).rows[0]!;
}

export async function issueCard(ctx: WriteContext, secretKey: SecretKey | undefined, householdId: string): Promise<IssuedCard> {
  const sk = needKey(secretKey);
  await getHousehold(ctx.client, ctx.actor, householdId, true);
  const key = await currentSigningKey(ctx, sk);
  const r = await ctx.client.query<{ serial: number }>(
    'INSERT INTO household_card (household_id, org_id, key_id) VALUES ($1,$2,$3) RETURNING serial',
    [householdId, ctx.actor.orgId, key.id],
  );
  const serial = r.rows[0]!.serial;
  const token = signCard({ householdId, serial, keyId: key.id }, signingKey(sk, key));
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
