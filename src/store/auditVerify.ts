// Verifies the hash chain of the change log: each row's hash must be sha256(prev_hash || row text),
// each prev_hash the hash of the row before, seq without gaps, and the last row the recorded head.
// Detects an edited, deleted or reordered row and names the first bad one. Constant memory.
import type pg from 'pg';

/** What a broken chain shows first: a row changed, rows missing or out of order, or rows cut off at the end. */
export const auditProblems = ['edited', 'deleted_or_reordered', 'truncated'] as const;

export type AuditResult =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; firstBadSeq: number; problem: (typeof auditProblems)[number] };

const BATCH = 10_000;
const ZERO: Buffer = Buffer.alloc(32);

export async function verifyAuditChain(pool: pg.Pool, onProgress?: (checked: number, total: number) => void): Promise<AuditResult> {
  const total = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]?.n ?? 0;
  let prevHash: Buffer = ZERO;
  let prevSeq = 0;
  let rows = 0;
  for (;;) {
    const r = await pool.query<{ seq: number; prev_hash: Buffer; hash: Buffer; computed: Buffer }>(
      `SELECT seq, prev_hash, hash, sha256(prev_hash || convert_to(change_log_row_text(c), 'UTF8')) AS computed
         FROM change_log c WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
      [prevSeq],
    );
    for (const row of r.rows) {
      rows++;
      if (!row.computed.equals(row.hash)) return { ok: false, rows, firstBadSeq: row.seq, problem: 'edited' };
      if (row.seq !== prevSeq + 1 || !row.prev_hash.equals(prevHash))
        return { ok: false, rows, firstBadSeq: row.seq, problem: 'deleted_or_reordered' };
      prevHash = row.hash;
      prevSeq = row.seq;
    }
    onProgress?.(rows, total);
    if (r.rows.length < BATCH) break;
  }
  const head = (await pool.query<{ seq: number; hash: Buffer }>('SELECT seq, hash FROM change_log_head')).rows[0];
  if (!head || head.seq !== prevSeq || !head.hash.equals(prevHash)) {
    return { ok: false, rows, firstBadSeq: prevSeq + 1, problem: 'truncated' };
  }
  return { ok: true, rows, head: prevHash.toString('hex') };
}
