// Household cards checked in the browser, offline: the same token as src/aid/card.ts (version,
// household id, serial, key id, Ed25519 signature over 'sanad-card-v1\0' + payload, base64url),
// verified against the public keys and revoked serials of the downloaded manifest.
// Ed25519 by WebCrypto where the browser has it; otherwise @noble/ed25519, loaded only then.
// test/web/card.test.ts checks this against cards signed by the server's code.

export type CardClaims = { householdId: string; serial: number; keyId: string };
type Bytes = Uint8Array<ArrayBuffer>;
export type ParsedCard = CardClaims & { payload: Bytes; signature: Bytes };
export type CardRefusal = 'malformed' | 'unknown_key' | 'bad_signature' | 'revoked';
export type CardCheck = { ok: true; card: CardClaims } | { ok: false; reason: CardRefusal };
export type CardKey = { id: string; publicKey: string };

const VERSION = 1;
const CONTEXT = new TextEncoder().encode('sanad-card-v1\0');
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** What the officer typed or the camera read, as a token: white space removed. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, '');
}

export function base64urlBytes(s: string): Bytes | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export function parseCard(token: string): ParsedCard | undefined {
  if (typeof token !== 'string' || token.length > 400) return undefined;
  const b = base64urlBytes(token);
  if (!b || b.length < 27 + 64 || b[0] !== VERSION) return undefined;
  const keyLen = b[25]!;
  if (keyLen === 0 || b.length !== 26 + keyLen + 64) return undefined;
  const keyId = String.fromCharCode(...b.subarray(26, 26 + keyLen));
  if (!KEY_ID.test(keyId)) return undefined;
  const hex = [...b.subarray(1, 17)].map((x) => x.toString(16).padStart(2, '0')).join('');
  const householdId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const serial = new DataView(b.buffer, b.byteOffset + 17, 8).getBigUint64(0);
  if (serial > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { householdId, serial: Number(serial), keyId, payload: b.slice(0, 26 + keyLen), signature: b.slice(26 + keyLen) };
}

type Verify = (publicKey: Bytes, message: Bytes, signature: Bytes) => Promise<boolean>;

/** Ed25519 through WebCrypto; undefined where the browser does not have it. */
export async function webCryptoVerifier(): Promise<Verify | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    // The public key of RFC 8032's first test vector: importing it tells whether Ed25519 is there.
    const probe = base64urlBytes('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo')!;
    await subtle.importKey('raw', probe, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return undefined;
  }
  const keys = new Map<string, ReturnType<NonNullable<typeof subtle>['importKey']>>();
  return async (publicKey, message, signature) => {
    const id = String.fromCharCode(...publicKey);
    let k = keys.get(id);
    if (!k) keys.set(id, (k = subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify'])));
    return subtle.verify({ name: 'Ed25519' }, await k, signature, message);
  };
}

/** Ed25519 in JavaScript (@noble/ed25519), strict RFC 8032 like the server, for older browsers. */
export async function nobleVerifier(): Promise<Verify> {
  const ed = await import('@noble/ed25519');
  return async (publicKey, message, signature) => {
    try {
      return await ed.verifyAsync(signature, message, publicKey, { zip215: false });
    } catch {
      return false; // a key or signature that is not a curve point
    }
  };
}

let chosen: Promise<Verify> | undefined;
/** Picks the verifier (and loads the fallback if needed) ahead of the first card. */
export function verifier(): Promise<Verify> {
  chosen ??= webCryptoVerifier().then((v) => v ?? nobleVerifier());
  return chosen;
}

/** Checks a token offline: a key of the manifest, a good signature, a serial not revoked. */
export async function verifyCard(
  token: string,
  keys: readonly CardKey[],
  revoked: ReadonlySet<number>,
  verify?: Verify,
): Promise<CardCheck> {
  const c = parseCard(token);
  if (!c) return { ok: false, reason: 'malformed' };
  const k = keys.find((x) => x.id === c.keyId);
  const raw = k && base64urlBytes(k.publicKey);
  if (raw?.length !== 32) return { ok: false, reason: 'unknown_key' };
  const message = new Uint8Array(CONTEXT.length + c.payload.length);
  message.set(CONTEXT);
  message.set(c.payload, CONTEXT.length);
  if (!(await (verify ?? (await verifier()))(raw, message, c.signature))) return { ok: false, reason: 'bad_signature' };
  if (revoked.has(c.serial)) return { ok: false, reason: 'revoked' };
  return { ok: true, card: { householdId: c.householdId, serial: c.serial, keyId: c.keyId } };
}
