// The change log's keys, derived from the server's secret key (kept outside the database):
// - the chain key: each row's hash is HMAC-SHA256(chain key, prev_hash || row text) from the seq
//   change_log_keying.from_seq on (migration 0027), so someone who can write SQL but has not the
//   server's key cannot re-hash an edited chain;
// - the anchor key: an Ed25519 key pair that signs the head exported by `sanad audit anchor`, so an
//   anchor kept elsewhere (or published with the public key) cannot be forged.
// The trigger computes the HMAC in SQL from the inner and outer padded keys (RFC 2104), which each
// connection of the server carries in the setting `sanad.chain_key` (never stored in the database).
import { createHash, createHmac, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { SecretKey } from './secretBox.ts';

export type ChainKey = {
  readonly key: Buffer;
  /** 16 hex digits naming the key (stored in change_log_keying.key_id; not secret). */
  readonly id: string;
  /** The setting `sanad.chain_key`: hex of (key xor ipad) then (key xor opad), 64 bytes each. */
  readonly setting: string;
};

const derive = (secret: SecretKey, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret.key, Buffer.alloc(0), Buffer.from(info), 32));

export function chainKeyOf(secret: SecretKey): ChainKey {
  const key = derive(secret, 'sanad change log chain v1');
  const pad = (byte: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (key[i] ?? 0) ^ byte));
  return {
    key,
    id: createHash('sha256').update('sanad chain key id\0').update(key).digest('hex').slice(0, 16),
    setting: Buffer.concat([pad(0x36), pad(0x5c)]).toString('hex'),
  };
}

/** The startup option that gives a connection the chain key (pg's `options`). */
export const chainKeyOption = (k: ChainKey): string => `-c sanad.chain_key=${k.setting}`;

/** A keyed row's hash, as the trigger computes it. */
export const chainMac = (k: ChainKey, prevHash: Buffer, text: string): Buffer =>
  createHmac('sha256', k.key).update(prevHash).update(text, 'utf8').digest();

/** A row's hash before the keying started (a plain SHA-256 chain). */
export const plainHash = (prevHash: Buffer, text: string): Buffer => createHash('sha256').update(prevHash).update(text, 'utf8').digest();

// PKCS#8 DER prefix of an Ed25519 private key made from a 32-byte seed.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

export type AnchorKey = { readonly privateKey: KeyObject; readonly publicKey: KeyObject; readonly publicRaw: Buffer };

export function anchorKeyOf(secret: SecretKey): AnchorKey {
  const seed = derive(secret, 'sanad change log anchor v1');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const publicRaw = Buffer.from(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  return { privateKey, publicKey, publicRaw };
}

/** What an anchor says: the head of the chain at a moment. */
export type AnchorClaim = { seq: number; hash: string; at: string | null; keyedFrom: number; anchoredAt: string };

const claimText = (c: AnchorClaim): string => ['sanad-anchor-v1', c.seq, c.hash, c.at ?? '', c.keyedFrom, c.anchoredAt].join('|');

export const signAnchor = (k: AnchorKey, c: AnchorClaim): Buffer => sign(null, Buffer.from(claimText(c)), k.privateKey);

export const anchorSignatureValid = (k: AnchorKey, c: AnchorClaim, signature: Buffer): boolean => {
  try {
    return verify(null, Buffer.from(claimText(c)), k.publicKey, signature);
  } catch {
    return false;
  }
};
