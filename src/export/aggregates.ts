// Aggregates: people by governorate, sex and age group, as CSV, optionally with an HXL hashtag row
// (https://hxlstandard.org) under the header so that humanitarian tools read it directly.
// Only counts, no personal data; only the actor's organisation and governorates; for the roles that
// see only aggregates, counts of 1 to 4 (and cells that would give one away) written "<5".
// Governorates are admin level 2 of OCHA's COD-AB under the two territories (level 1): #adm2, #adm1.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { commandAllows } from '../access/matrix.ts';
import { appendLog } from '../store/write.ts';
import { assertOwnGovernorate } from '../access/scope.ts';
import { cellText, seesOnlyAggregates, tableBuilder } from '../shared/disclosure.ts';
import { ExportError, scopeLiteral } from './persons.ts';
import { type ExportFormat, writeTable } from './table.ts';

/** Column, HXL hashtag, SQL expression over person p. Ages at the export date; unknown ages count in totals only. */
const AGE = `date_part('year', age(current_date, p.date_of_birth))`;
export const aggregateColumns: { name: string; hxl: string; sql: string }[] = [
  { name: 'governorate', hxl: '#adm2+name', sql: 'g.name_en' },
  { name: 'governorate_ar', hxl: '#adm2+name+i_ar', sql: 'g.name_ar' },
  { name: 'governorate_pcode', hxl: '#adm2+code', sql: 'g.pcode' },
  { name: 'territory', hxl: '#adm1+name', sql: 't.name_en' },
  { name: 'people', hxl: '#affected+total', sql: 'count(p.id)' },
  { name: 'female', hxl: '#affected+f', sql: "count(p.id) FILTER (WHERE p.sex = 'female')" },
  { name: 'male', hxl: '#affected+m', sql: "count(p.id) FILTER (WHERE p.sex = 'male')" },
  { name: 'sex_unknown', hxl: '#affected+sex_unknown', sql: 'count(p.id) FILTER (WHERE p.sex IS NULL)' },
  { name: 'girls_0_17', hxl: '#affected+f+children', sql: `count(p.id) FILTER (WHERE p.sex = 'female' AND ${AGE} < 18)` },
  { name: 'boys_0_17', hxl: '#affected+m+children', sql: `count(p.id) FILTER (WHERE p.sex = 'male' AND ${AGE} < 18)` },
  { name: 'women_18_59', hxl: '#affected+f+adults', sql: `count(p.id) FILTER (WHERE p.sex = 'female' AND ${AGE} BETWEEN 18 AND 59)` },
  { name: 'men_18_59', hxl: '#affected+m+adults', sql: `count(p.id) FILTER (WHERE p.sex = 'male' AND ${AGE} BETWEEN 18 AND 59)` },
  { name: 'women_60_plus', hxl: '#affected+f+elderly', sql: `count(p.id) FILTER (WHERE p.sex = 'female' AND ${AGE} >= 60)` },
  { name: 'men_60_plus', hxl: '#affected+m+elderly', sql: `count(p.id) FILTER (WHERE p.sex = 'male' AND ${AGE} >= 60)` },
  { name: 'age_unknown', hxl: '#affected+age_unknown', sql: 'count(p.id) FILTER (WHERE p.id IS NOT NULL AND p.date_of_birth IS NULL)' },
];

export type AggregateRow = Record<string, string | number | null>;

const COUNTED = aggregateColumns.filter((c) => c.sql.startsWith('count')).map((c) => c.name);
/** Sums a reader could subtract (people by sex; women and men by age group; people by age group). */
const SUMS: [string, string[]][] = [
  ['people', ['female', 'male', 'sex_unknown']],
  ['female', ['girls_0_17', 'women_18_59', 'women_60_plus']],
  ['male', ['boys_0_17', 'men_18_59', 'men_60_plus']],
  ['people', ['girls_0_17', 'boys_0_17', 'women_18_59', 'men_18_59', 'women_60_plus', 'men_60_plus', 'age_unknown']],
];

/** The rows as a role that sees only aggregates may read them: small cells null. */
export function suppressAggregates(rows: readonly AggregateRow[]): AggregateRow[] {
  const b = tableBuilder();
  const cells = rows.map((r) => {
    const c = Object.fromEntries(COUNTED.map((k) => [k, b.count(Number(r[k]))]));
    for (const [total, parts] of SUMS)
      b.relate(
        c[total]!,
        parts.map((p) => c[p]!),
      );
    return c;
  });
  const out = b.publish();
  return rows.map((r, i) => ({ ...r, ...Object.fromEntries(COUNTED.map((k) => [k, out[cells[i]![k]!]!])) }));
}

export async function aggregates(pool: pg.Pool, actor: Actor, governorate?: string): Promise<AggregateRow[]> {
  if (!commandAllows('export aggregates', actor.role)) throw new ExportError(`Your role (${actor.role}) may not export statistics.`);
  if (governorate !== undefined) assertOwnGovernorate(actor, governorate);
  const scope = scopeLiteral('p', actor);
  const govs = governorate === undefined ? actor.governorates : [governorate];
  const r = await pool.query<AggregateRow>(
    `SELECT ${aggregateColumns.map((c) => `${c.sql} AS ${c.name}`).join(', ')}
     FROM governorate g JOIN territory t ON t.pcode = g.territory
     LEFT JOIN person p ON p.governorate = g.pcode AND ${scope}
     WHERE g.pcode = ANY($1::text[])
     GROUP BY g.pcode, g.name_en, g.name_ar, t.name_en ORDER BY g.pcode`,
    [govs],
  );
  const rows = r.rows.map((row) => {
    const out: AggregateRow = {};
    for (const c of aggregateColumns) {
      const v = row[c.name];
      out[c.name] = typeof v === 'string' && /^[0-9]+$/.test(v) && c.sql.startsWith('count') ? Number(v) : (v ?? '');
    }
    return out;
  });
  return seesOnlyAggregates(actor.role) ? suppressAggregates(rows) : rows;
}

/** Writes the aggregates as CSV (byte order mark) or XLSX, with the HXL row when `hxl`; in the change log. */
export async function exportAggregates(
  pool: pg.Pool,
  actor: Actor,
  opts: {
    output: string | Writable;
    hxl: boolean;
    format?: ExportFormat;
    governorate?: string | undefined;
    onStart?: (rows: number) => void;
  },
): Promise<{ rows: number }> {
  const format = opts.format ?? 'csv';
  const rows = await aggregates(pool, actor, opts.governorate);
  const head: string[][] = [aggregateColumns.map((c) => c.name)];
  if (opts.hxl) head.push(aggregateColumns.map((c) => c.hxl));
  await appendLog(pool, actor, {
    entity: 'export',
    entityId: null,
    action: 'export_aggregates',
    after: { rows: rows.length, format, hxl: opts.hxl, governorate: opts.governorate ?? null, governorates: actor.governorates },
  });
  opts.onStart?.(rows.length);
  const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output, { mode: 0o600 }) : opts.output;
  await writeTable(
    out,
    format,
    head,
    rows.map((r) => aggregateColumns.map((c) => cellText(r[c.name] ?? null))),
    { sheet: 'aggregates', bom: out !== process.stdout },
  );
  if (format === 'csv' && out !== process.stdout) out.end();
  if (!out.writableFinished && out !== process.stdout) await finished(out, { readable: false });
  return { rows: rows.length };
}
