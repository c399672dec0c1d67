// Export of persons as CSV, streamed by COPY ... TO STDOUT (constant memory in Sanad and in the
// server), only rows of the actor's organisation and governorates. The columns are the import
// columns, so an export can be imported elsewhere, plus Sanad's id and the ID-check flag.
import { commandAllows } from '../access/matrix.ts';
import fs from 'node:fs';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Actor } from '../access/actor.ts';
import { appendLog } from '../store/write.ts';
import { isUuid } from '../shared/ids.ts';
import { NAME_COLUMNS } from '../shared/personColumns.ts';

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

const PCODE = /^PS0[12][0-9]{2}$/;

/** SQL condition for the actor's scope, with literals checked (COPY takes no parameters). */
export function scopeLiteral(alias: string, actor: Actor): string {
  if (!isUuid(actor.orgId)) throw new ExportError('bad organisation id');
  const govs = actor.governorates.filter((g) => PCODE.test(g));
  return `${alias}.org_id = '${actor.orgId}' AND ${alias}.governorate IN (${govs.length ? govs.map((g) => `'${g}'`).join(',') : 'NULL'})`;
}

/** The exported columns in order (the person's columns but age, with the ID check and Sanad's id), each with its SQL. */
const EXPORTED: Record<string, string> = {
  record_id: 'p.record_id',
  ...Object.fromEntries(NAME_COLUMNS.map((c) => [c, `p.${c}`])),
  sex: 'p.sex',
  // The date of birth as precise as it was recorded.
  date_of_birth: `CASE p.dob_precision WHEN 'exact' THEN to_char(p.date_of_birth, 'YYYY-MM-DD') WHEN 'month' THEN to_char(p.date_of_birth, 'YYYY-MM')
    WHEN 'year' THEN to_char(p.date_of_birth, 'YYYY') WHEN 'estimated' THEN to_char(p.date_of_birth, 'YYYY') END`,
  dob_precision: 'p.dob_precision',
  national_id: 'p.national_id',
  national_id_valid: 'p.national_id_valid',
  phone: 'p.phone',
  governorate: 'p.governorate',
  sanad_id: 'p.id',
};

export const exportColumns: readonly string[] = Object.keys(EXPORTED);

const SELECT = `SELECT ${Object.entries(EXPORTED)
  .map(([c, sql]) => (sql === `p.${c}` ? sql : `${sql} AS ${c}`))
  .join(', ')}`;

export type ExportSummary = { rows: number; seconds: number };

/** Streams the persons in scope to `output` (a path, or a writable such as stdout). */
export async function exportPersons(
  pool: pg.Pool,
  actor: Actor,
  opts: { output: string | Writable; onProgress?: (p: { rows: number; total: number }) => void },
): Promise<ExportSummary> {
  if (!commandAllows('export persons', actor.role)) throw new ExportError(`Your role (${actor.role}) may not export personal records.`);
  const started = performance.now();
  const scope = scopeLiteral('p', actor);
  const client = await pool.connect();
  try {
    const total = opts.onProgress
      ? ((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${scope}`)).rows[0]?.n ?? 0)
      : 0;
    const src = client.query(
      pgCopy.to(`COPY (${SELECT} FROM person p WHERE ${scope} ORDER BY p.org_id, p.id) TO STDOUT WITH (FORMAT csv, HEADER)`),
    );
    let rows = -1; // the header line
    let last = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        if (opts.onProgress && rows - last >= 10_000) {
          last = rows;
          opts.onProgress({ rows, total });
        }
        cb(null, chunk);
      },
    });
    const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output, { mode: 0o600 }) : opts.output;
    await pipeline(src, count, out, { end: typeof opts.output === 'string' });
    const exported = src.rowCount ?? Math.max(rows, 0);
    opts.onProgress?.({ rows: exported, total });
    await appendLog(pool, actor, {
      entity: 'export',
      entityId: null,
      action: 'export_persons',
      after: { rows: exported, governorates: actor.governorates, columns: exportColumns },
    });
    return { rows: exported, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.release();
  }
}
