// Sealing small secrets (TOTP secrets) with AES-256-GCM under a key kept outside the database.
// The associated data binds a box to its owner (the user id): a box copied to another user's row
// does not open. Pure: the key is handed in (src/store/secretKey.ts loads it).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type SecretKey = { readonly key: Buffer; readonly id: Buffer };

export const SECRET_KEY_BYTES = 32;

/** The key and its id: 8 bytes of a hash of the key, stored beside each box to tell keys apart. */
export function secretKeyOf(raw: Buffer): SecretKey {
  if (raw.length !== SECRET_KEY_BYTES) throw new Error(`the secret key must be ${SECRET_KEY_BYTES} bytes`);
  return { key: Buffer.from(raw), id: createHash('sha256').update('sanad secret key id\0').update(raw).digest().subarray(0, 8) };
}

export const newSecretKey = (): SecretKey => secretKeyOf(randomBytes(SECRET_KEY_BYTES));

/** iv (12) | tag (16) | ciphertext */
export function seal(k: SecretKey, plain: Uint8Array, owner: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k.key, iv);
  c.setAAD(Buffer.from(owner));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]);
}

/** Opens a box; throws when the key, the owner or any byte is wrong. */
export function unseal(k: SecretKey, box: Buffer, owner: string): Buffer {
  if (box.length < 28) throw new Error('sealed secret too short');
  const d = createDecipheriv('aes-256-gcm', k.key, box.subarray(0, 12));
  d.setAAD(Buffer.from(owner));
  d.setAuthTag(box.subarray(12, 28));
  return Buffer.concat([d.update(box.subarray(28)), d.final()]);
}
