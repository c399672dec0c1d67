// `sanad cases export` and `sanad tickets export`: the caseload as aggregates for publication, one
// CSV (byte order mark) or XLSX table with an HXL hashtag row: per dimension (cases by type, stage and
// governorate; tickets by category, channel and governorate) how many, open, overdue, closed on time
// and late, and the median days to close. No record, no name: counts only, and a file leaves the
// system, so small cells are always withheld by the complaints report's rule (src/tickets/report.ts
// publishReport: 1..4 and what would give them away written "<5"; a median of fewer than 5 closings).
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { cellText } from '../shared/disclosure.ts';
import { caseReport } from '../store/cases/caseReport.ts';
import { ticketReport } from '../store/tickets/ticketReport.ts';
import { appendLog } from '../store/write.ts';
import { type PublishedRow, publishReport, type ReportRow } from '../tickets/report.ts';
import { type ExportFormat, writeTable } from './table.ts';

export type Caseload = 'cases' | 'tickets';

export const caseloadDimensions = {
  cases: ['type', 'stage', 'governorate'],
  tickets: ['category', 'channel', 'governorate'],
} as const;

/** Column, HXL hashtag (https://hxlstandard.org), the published row's value. */
export const caseloadColumns: { name: string; hxl: string; of: (dimension: string, r: PublishedRow) => string | number | null }[] = [
  { name: 'dimension', hxl: '#meta+dimension', of: (d) => d },
  { name: 'key', hxl: '#meta+key', of: (_, r) => r.key },
  { name: 'total', hxl: '#indicator+num+total', of: (_, r) => r.total },
  { name: 'open', hxl: '#indicator+num+open', of: (_, r) => r.open },
  { name: 'overdue', hxl: '#indicator+num+overdue', of: (_, r) => r.overdue },
  { name: 'closed_on_time', hxl: '#indicator+num+closed+on_time', of: (_, r) => r.onTime },
  { name: 'closed_late', hxl: '#indicator+num+closed+late', of: (_, r) => r.late },
  { name: 'median_days_to_close', hxl: '#indicator+median+days_to_close', of: (_, r) => r.medianDays ?? '' },
];

const read = (pool: pg.Pool, actor: Actor, what: Caseload, by: string): Promise<ReportRow[]> =>
  what === 'cases' ? caseReport(pool, actor, by as 'type') : ticketReport(pool, actor, by as 'category');

/**
 * The published tables of one caseload, dimension by dimension (`onProgress` after each: counting a
 * large caseload takes a while). Rows: [dimension, key, counts...], small cells null.
 */
export async function caseloadRows(
  pool: pg.Pool,
  actor: Actor,
  what: Caseload,
  onProgress?: (done: number, total: number) => void,
): Promise<(string | number | null)[][]> {
  const dims = caseloadDimensions[what];
  const rows: (string | number | null)[][] = [];
  for (const [i, d] of dims.entries()) {
    for (const r of publishReport(await read(pool, actor, what, d), true)) rows.push(caseloadColumns.map((c) => c.of(d, r)));
    onProgress?.(i + 1, dims.length);
  }
  return rows;
}

/** Writes one caseload's aggregates (HXL row under the header unless `hxl` is false); in the change log. */
export async function exportCaseload(
  pool: pg.Pool,
  actor: Actor,
  what: Caseload,
  opts: { output: string | Writable; hxl?: boolean; format?: ExportFormat; onProgress?: (done: number, total: number) => void },
): Promise<{ rows: number }> {
  const format = opts.format ?? 'csv';
  const hxl = opts.hxl !== false;
  const rows = await caseloadRows(pool, actor, what, opts.onProgress);
  const head: string[][] = [caseloadColumns.map((c) => c.name)];
  if (hxl) head.push(caseloadColumns.map((c) => c.hxl));
  await appendLog(pool, actor, {
    entity: 'export',
    entityId: null,
    action: `export_${what}`,
    after: { rows: rows.length, format, hxl, governorates: actor.governorates },
  });
  const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output, { mode: 0o600 }) : opts.output;
  await writeTable(
    out,
    format,
    head,
    rows.map((r) => r.map((v) => cellText(v))),
    { sheet: what, bom: out !== process.stdout },
  );
  if (format === 'csv' && out !== process.stdout) out.end();
  if (!out.writableFinished && out !== process.stdout) await finished(out, { readable: false });
  return { rows: rows.length };
}
