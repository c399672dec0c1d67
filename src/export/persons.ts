// Export of persons as CSV or XLSX, streamed by COPY ... TO STDOUT (constant memory in Sanad and in
// the server), only rows of the actor's organisation and governorates. The columns are the import
// columns, so an export can be imported elsewhere, plus Sanad's id and the ID-check flag.
import { commandAllows } from '../access/matrix.ts';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Actor } from '../access/actor.ts';
import { appendLog } from '../store/write.ts';
import { isUuid } from '../shared/ids.ts';
import { NAME_COLUMNS } from '../shared/personColumns.ts';
import { assertOwnGovernorate } from '../access/scope.ts';
import { ExportCancelled, type ExportFormat, writeTable } from './table.ts';

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

export type PersonsExportOptions = {
  output: string | Writable;
  format?: ExportFormat;
  /** Only this governorate (one of the actor's). */
  governorate?: string | undefined;
  onProgress?: (p: { rows: number; total: number }) => void;
  /** Called with the number of rows once counted, before the first byte is written. */
  onStart?: (rows: number) => void;
};

/**
 * Streams the persons in scope to `output` (a path, or a writable such as stdout or an HTTP answer)
 * as CSV with a byte order mark or as XLSX, every cell neutralised. The count and the rows come from
 * one snapshot; the export is in the change log (what, how many rows, the filters) before it starts.
 */
export async function exportPersons(pool: pg.Pool, actor: Actor, opts: PersonsExportOptions): Promise<ExportSummary> {
  if (!commandAllows('export persons', actor.role)) throw new ExportError(`Your role (${actor.role}) may not export personal records.`);
  if (opts.governorate !== undefined) assertOwnGovernorate(actor, opts.governorate);
  const started = performance.now();
  const format = opts.format ?? 'csv';
  const scope = scopeLiteral('p', opts.governorate === undefined ? actor : { ...actor, governorates: [opts.governorate] });
  const client = await pool.connect();
  let copying = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${scope}`)).rows[0]?.n ?? 0;
    await appendLog(pool, actor, {
      entity: 'export',
      entityId: null,
      action: 'export_persons',
      after: { rows: total, format, governorate: opts.governorate ?? null, governorates: actor.governorates, columns: exportColumns },
    });
    opts.onStart?.(total);
    const src = client.query(
      pgCopy.to(`COPY (${SELECT} FROM person p WHERE ${scope} ORDER BY p.org_id, p.id) TO STDOUT WITH (FORMAT csv)`),
    );
    copying = true;
    src.on('end', () => {
      copying = false;
    });
    const records = src.pipe(parse({ relax_column_count: false }));
    src.on('error', (e) => records.destroy(e));
    const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output, { mode: 0o600 }) : opts.output;
    // A reader that goes away (a cancelled download) stops the export, also while exceljs buffers.
    const cancel = () => {
      if (!out.writableFinished) records.destroy(new ExportCancelled());
    };
    out.once('close', cancel);
    let rows = 0;
    const counted = async function* () {
      for await (const r of records as AsyncIterable<string[]>) {
        rows++;
        if (opts.onProgress && rows % 10_000 === 0) opts.onProgress({ rows, total });
        yield r;
      }
    };
    await writeTable(out, format, [[...exportColumns]], counted(), { sheet: 'persons', bom: out !== process.stdout }).finally(() =>
      out.off('close', cancel),
    );
    if (format === 'csv' && out !== process.stdout) out.end();
    if (!out.writableFinished && out !== process.stdout) await finished(out, { readable: false });
    await client.query('COMMIT');
    client.release();
    opts.onProgress?.({ rows, total });
    return { rows, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    // A COPY stopped half-way leaves the connection busy: it is closed (the server rolls back).
    if (copying) client.release(true);
    else {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
    throw e;
  }
}
