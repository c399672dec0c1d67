// Verifies the hash chain of the change log: each row's hash must be HMAC-SHA256(chain key,
// prev_hash || row text) from the seq the keying started at (migration 0027; plain SHA-256 before),
// each prev_hash the hash of the row before, seq without gaps, the last row the recorded head, and
// the chain must agree with every anchor (stored, or kept elsewhere and given here): an anchor past
// the head is a rollback (an older backup restored). Names the first bad row. Constant memory.
//
// The row text is put together here from the columns (not by the database's change_log_row_text),
// and the hashes are computed here: an owner who redefines a function cannot make a row verify.
import type pg from 'pg';
import { anchorKeyOf, anchorSignatureValid, type ChainKey, chainKeyOf, chainMac, plainHash } from '../access/chainKey.ts';
import type { SecretKey } from '../access/secretBox.ts';
import { type Anchor, anchorClaim, storedAnchors } from './auditAnchor.ts';

/**
 * What a broken chain shows first: a row changed, rows missing or out of order, rows cut off at the
 * end, the chain behind an anchor (rolled back), a row that differs from an anchor, an anchor not
 * signed with this server's key, the keying start moved, or a chain keyed with another key.
 */
export const auditProblems = [
  'edited',
  'deleted_or_reordered',
  'truncated',
  'rolled_back',
  'anchor_mismatch',
  'anchor_invalid',
  'keying_moved',
  'other_key',
] as const;
export type AuditProblem = (typeof auditProblems)[number];

export type AnchorState = { checked: number; latest: { seq: number; at: string | null; anchoredAt: string } | null };

export type AuditResult = (
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; firstBadSeq: number; problem: AuditProblem }
) & { keyedFrom: number; anchors: AnchorState };

const BATCH = 10_000;
const ZERO: Buffer = Buffer.alloc(32);

type Row = {
  seq: number;
  prev_hash: Buffer;
  hash: Buffer;
  at: string;
  actor_id: string | null;
  org_id: string | null;
  device_id: string | null;
  operation_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** The text a row's hash covers: the same as change_log_row_text (migrations 0001, 0012). */
export function rowText(r: Row): string {
  const text = [
    String(r.seq),
    r.at,
    r.actor_id ?? '',
    r.org_id ?? '',
    r.device_id ?? '',
    r.operation_id ?? '',
    r.entity,
    r.entity_id ?? '',
    r.action,
    r.before ?? '',
    r.after ?? '',
  ].join('|');
  return r.reason === null ? text : `${text}|reason:${r.reason}`;
}

const ROWS = `SELECT seq, prev_hash, hash, pg_catalog.to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
    actor_id::text, org_id::text, device_id, operation_id::text, entity, entity_id::text, action, before::text, after::text, reason
  FROM change_log WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`;

type Check = { keyedFrom: number; keyId: string | null; anchors: Anchor[]; chain: ChainKey };

export async function verifyAuditChain(
  pool: pg.Pool,
  secret: SecretKey,
  opts: { anchors?: readonly Anchor[]; onProgress?: (checked: number, total: number) => void } = {},
): Promise<AuditResult> {
  const keying = (await pool.query<{ from_seq: number; key_id: string | null }>('SELECT from_seq, key_id FROM change_log_keying')).rows[0];
  const anchors = [...(await storedAnchors(pool)), ...(opts.anchors ?? [])];
  const check: Check = { keyedFrom: keying?.from_seq ?? 1, keyId: keying?.key_id ?? null, anchors, chain: chainKeyOf(secret) };
  const state: AnchorState = { checked: anchors.length, latest: latestOf(anchors) };
  const done = (r: { ok: true; rows: number; head: string } | { ok: false; rows: number; firstBadSeq: number; problem: AuditProblem }) => ({
    ...r,
    keyedFrom: check.keyedFrom,
    anchors: state,
  });
  const before = anchorProblem(check, secret);
  if (before) return done({ ok: false, rows: 0, ...before });
  const walked = await walk(pool, check, opts.onProgress);
  if ('problem' in walked) return done({ ok: false, ...walked });
  const head = (await pool.query<{ seq: number; hash: Buffer }>('SELECT seq, hash FROM change_log_head')).rows[0];
  if (!head || head.seq !== walked.lastSeq || !head.hash.equals(walked.lastHash))
    return done({ ok: false, rows: walked.rows, firstBadSeq: walked.lastSeq + 1, problem: 'truncated' });
  if (check.keyedFrom > head.seq + 1) return done({ ok: false, rows: walked.rows, firstBadSeq: head.seq + 1, problem: 'keying_moved' });
  // An anchor past the head: the chain once went further; an older copy of it was put back.
  if (anchors.some((a) => a.seq > head.seq))
    return done({ ok: false, rows: walked.rows, firstBadSeq: head.seq + 1, problem: 'rolled_back' });
  return done({ ok: true, rows: walked.rows, head: walked.lastHash.toString('hex') });
}

/** Anchors checked before the rows: each signed with this server's anchor key, each naming the same keying start. */
function anchorProblem(c: Check, secret: SecretKey): { firstBadSeq: number; problem: AuditProblem } | undefined {
  if (c.keyId !== null && c.keyId !== c.chain.id) return { firstBadSeq: c.keyedFrom, problem: 'other_key' };
  const key = anchorKeyOf(secret);
  for (const a of c.anchors) {
    const ours = Buffer.from(a.publicKey, 'base64url').equals(key.publicRaw);
    if (!ours || !anchorSignatureValid(key, anchorClaim(a), Buffer.from(a.signature, 'base64url')))
      return { firstBadSeq: a.seq, problem: 'anchor_invalid' };
    if (a.keyedFrom !== c.keyedFrom) return { firstBadSeq: Math.min(a.keyedFrom, c.keyedFrom), problem: 'keying_moved' };
  }
  return undefined;
}

type Walked = { rows: number; lastSeq: number; lastHash: Buffer } | { rows: number; firstBadSeq: number; problem: AuditProblem };

async function walk(pool: pg.Pool, c: Check, onProgress?: (checked: number, total: number) => void): Promise<Walked> {
  const total = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]?.n ?? 0;
  const expected = new Map(c.anchors.map((a) => [a.seq, a.hash]));
  const zero = expected.get(0);
  if (zero !== undefined && zero !== ZERO.toString('hex')) return { rows: 0, firstBadSeq: 0, problem: 'anchor_mismatch' };
  let prevHash: Buffer = ZERO;
  let prevSeq = 0;
  let rows = 0;
  for (;;) {
    const r = await pool.query<Row>(ROWS, [prevSeq]);
    for (const row of r.rows) {
      rows++;
      const text = rowText(row);
      const computed = row.seq >= c.keyedFrom ? chainMac(c.chain, row.prev_hash, text) : plainHash(row.prev_hash, text);
      if (!computed.equals(row.hash)) return { rows, firstBadSeq: row.seq, problem: 'edited' };
      if (row.seq !== prevSeq + 1 || !row.prev_hash.equals(prevHash))
        return { rows, firstBadSeq: row.seq, problem: 'deleted_or_reordered' };
      const anchored = expected.get(row.seq);
      if (anchored !== undefined && anchored !== row.hash.toString('hex'))
        return { rows, firstBadSeq: row.seq, problem: 'anchor_mismatch' };
      prevHash = row.hash;
      prevSeq = row.seq;
    }
    onProgress?.(rows, total);
    if (r.rows.length < BATCH) break;
  }
  return { rows, lastSeq: prevSeq, lastHash: prevHash };
}

function latestOf(anchors: readonly Anchor[]): AnchorState['latest'] {
  let latest: Anchor | undefined;
  for (const a of anchors) if (!latest || a.seq > latest.seq || (a.seq === latest.seq && a.anchoredAt > latest.anchoredAt)) latest = a;
  return latest ? { seq: latest.seq, at: latest.at, anchoredAt: latest.anchoredAt } : null;
}
