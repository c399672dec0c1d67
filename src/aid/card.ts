// Household cards: a QR code holds a signed token with the household id, the key id and the card
// serial, never personal data. Ed25519 (node:crypto); base64url; keys rotate (older keys verify
// until retired) and a lost card's serial is revoked. Pure: keys and revocations are passed in.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { isUuid } from '../shared/ids.ts';

const VERSION = 1;
const CONTEXT = Buffer.from('sanad-card-v1\0');
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export type CardClaims = { householdId: string; serial: number; keyId: string };

export type CardRefusal = 'malformed' | 'unknown_key' | 'retired_key' | 'bad_signature' | 'revoked';
export const refusalText: Record<
  | CardRefusal
  | 'not_entitled'
  | 'unknown_entitlement'
  | 'id_reused'
  | 'cycle_closed'
  | 'wrong_household'
  | 'already_redeemed'
  | 'bad_number'
  | 'unknown_card',
  string
> = {
  malformed: 'The card token cannot be read: it is not a Sanad card.',
  unknown_key: 'The card was signed with a key this server does not know: forged or from another system.',
  retired_key: 'The card was signed with a retired key: issue a new card.',
  bad_signature: 'The card signature does not verify: the card is forged or altered.',
  revoked: 'The card was revoked (lost, stolen or replaced).',
  not_entitled: 'The household on the card has no such entitlement in this cycle.',
  unknown_entitlement: 'No such entitlement.',
  wrong_household: 'The entitlement belongs to another household than the card.',
  id_reused: 'This redemption id was already used for a different redemption.',
  cycle_closed: 'The cycle is closed.',
  already_redeemed: 'This entitlement was already redeemed: hand nothing out.',
  bad_number: 'The card number cannot be read: its check digit does not match.',
  unknown_card: 'No card of this organisation has this number.',
};

export function newKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(jwk.x!, 'base64url'), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export const publicKeyObject = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
export const privateKeyObject = (pkcs8: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });

export function encodePayload(c: CardClaims): Buffer {
  if (!isUuid(c.householdId)) throw new Error('householdId must be a UUID');
  if (!KEY_ID.test(c.keyId)) throw new Error('keyId must be 1-32 of A-Z a-z 0-9 _ -');
  if (!Number.isSafeInteger(c.serial) || c.serial < 0) throw new Error('serial must be a non-negative integer');
  const key = Buffer.from(c.keyId, 'ascii');
  const b = Buffer.alloc(1 + 16 + 8 + 1 + key.length);
  b[0] = VERSION;
  Buffer.from(c.householdId.replace(/-/g, ''), 'hex').copy(b, 1);
  b.writeBigUInt64BE(BigInt(c.serial), 17);
  b[25] = key.length;
  key.copy(b, 26);
  return b;
}

export function signCard(c: CardClaims, privateKey: KeyObject): string {
  const payload = encodePayload(c);
  const sig = sign(null, Buffer.concat([CONTEXT, payload]), privateKey);
  return Buffer.concat([payload, sig]).toString('base64url');
}

export type ParsedCard = CardClaims & { payload: Buffer; signature: Buffer };

export function parseCard(token: string): ParsedCard | undefined {
  if (typeof token !== 'string' || token.length > 400 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const b = Buffer.from(token, 'base64url');
  if (b.length < 27 + 64 || b[0] !== VERSION) return undefined;
  const keyLen = b[25]!;
  if (b.length !== 26 + keyLen + 64 || keyLen === 0) return undefined;
  const keyId = b.subarray(26, 26 + keyLen).toString('ascii');
  if (!KEY_ID.test(keyId)) return undefined;
  const hex = b.subarray(1, 17).toString('hex');
  const householdId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const serial = b.readBigUInt64BE(17);
  if (serial > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { householdId, serial: Number(serial), keyId, payload: b.subarray(0, 26 + keyLen), signature: b.subarray(26 + keyLen) };
}

export type VerifyKey = { publicKey: KeyObject; retired: boolean };
export type CardCheck = { ok: true; card: CardClaims } | { ok: false; reason: CardRefusal };

/** Verifies a token: known, unretired key; good signature; serial not revoked. */
export function verifyCard(token: string, keys: ReadonlyMap<string, VerifyKey>, isRevoked: (serial: number) => boolean): CardCheck {
  const c = parseCard(token);
  if (!c) return { ok: false, reason: 'malformed' };
  const k = keys.get(c.keyId);
  if (!k) return { ok: false, reason: 'unknown_key' };
  if (!verify(null, Buffer.concat([CONTEXT, c.payload]), k.publicKey, c.signature)) return { ok: false, reason: 'bad_signature' };
  if (k.retired) return { ok: false, reason: 'retired_key' };
  if (isRevoked(c.serial)) return { ok: false, reason: 'revoked' };
  return { ok: true, card: { householdId: c.householdId, serial: c.serial, keyId: c.keyId } };
}
