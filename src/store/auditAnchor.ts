// Anchors of the change log: the head (seq, hash, the time of that row) signed with the server's
// anchor key (src/access/chainKey.ts), stored in change_log_anchor and handed out as a file to keep
// elsewhere or publish (`sanad audit anchor --output FILE`). `sanad audit verify` compares the chain
// with them (src/store/auditVerify.ts): a copy kept outside the database reveals a restored older
// backup, which holds only the older anchors.
import type pg from 'pg';
import { z } from 'zod';
import { type AnchorClaim, anchorKeyOf, signAnchor } from '../access/chainKey.ts';
import type { SecretKey } from '../access/secretBox.ts';
import { appendChange } from './changeLog.ts';

const Time = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const B64 = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/);

/** An anchor as written to a file (and read back from one). */
export const AnchorFile = z.object({
  sanadAnchor: z.literal(1),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: Time.nullable(),
  keyedFrom: z.number().int().min(1),
  anchoredAt: Time,
  publicKey: B64,
  signature: B64,
});
export type Anchor = z.infer<typeof AnchorFile>;

export const anchorClaim = (a: Anchor): AnchorClaim => ({
  seq: a.seq,
  hash: a.hash,
  at: a.at,
  keyedFrom: a.keyedFrom,
  anchoredAt: a.anchoredAt,
});

const UTC = (col: string) => `pg_catalog.to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type AnchorRow = {
  seq: number;
  hash: Buffer;
  at: string | null;
  keyed_from: number;
  anchored_at: string;
  public_key: Buffer;
  signature: Buffer;
};

const fromRow = (r: AnchorRow): Anchor => ({
  sanadAnchor: 1,
  seq: r.seq,
  hash: r.hash.toString('hex'),
  at: r.at,
  keyedFrom: r.keyed_from,
  anchoredAt: r.anchored_at,
  publicKey: r.public_key.toString('base64url'),
  signature: r.signature.toString('base64url'),
});

/** Every stored anchor, oldest first. */
export async function storedAnchors(db: pg.Pool | pg.PoolClient): Promise<Anchor[]> {
  const r = await db.query<AnchorRow>(
    `SELECT seq, hash, ${UTC('at')} AS at, keyed_from, ${UTC('anchored_at')} AS anchored_at, public_key, signature
       FROM change_log_anchor ORDER BY anchored_at, seq`,
  );
  return r.rows.map(fromRow);
}

/**
 * Anchors the head as it is now: signs it, stores it and logs that it was made (the log entry
 * comes after the anchored head). `actorId` is the user named with --user.
 */
export async function createAnchor(pool: pg.Pool, secret: SecretKey, actor: { userId: string | null; orgId: string }): Promise<Anchor> {
  // One statement, one snapshot: the head and the time of its row agree (rows appended meanwhile come after).
  const head = (
    await pool.query<{ seq: number; hash: Buffer; at: string | null; keyed_from: number; now: string }>(
      `SELECT h.seq, h.hash, ${UTC('c.at')} AS at, k.from_seq AS keyed_from, ${UTC('clock_timestamp()')} AS now
         FROM change_log_head h CROSS JOIN change_log_keying k LEFT JOIN change_log c ON c.seq = h.seq`,
    )
  ).rows[0]!;
  const claim: AnchorClaim = {
    seq: head.seq,
    hash: head.hash.toString('hex'),
    at: head.at,
    keyedFrom: head.keyed_from,
    anchoredAt: head.now,
  };
  const key = anchorKeyOf(secret);
  const signature = signAnchor(key, claim);
  await pool.query(
    `INSERT INTO change_log_anchor (seq, hash, at, keyed_from, anchored_at, public_key, signature, actor_id)
     VALUES ($1, $2, $3::timestamptz, $4, $5::timestamptz, $6, $7, $8)`,
    [claim.seq, head.hash, claim.at, claim.keyedFrom, claim.anchoredAt, key.publicRaw, signature, actor.userId],
  );
  await appendChange(
    pool,
    { userId: actor.userId, orgId: actor.orgId, deviceId: 'cli' },
    {
      entity: 'change_log_anchor',
      entityId: null,
      action: 'anchor',
      after: { seq: claim.seq, hash: claim.hash },
    },
  );
  return { sanadAnchor: 1, ...claim, publicKey: key.publicRaw.toString('base64url'), signature: signature.toString('base64url') };
}
