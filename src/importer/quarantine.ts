// Quarantine: rows an import refused, kept with their errors until fixed.
//
//   list    row numbers and errors (no values)
//   export  a CSV of the rows as they were read, with their problems, to fix in a spreadsheet
//   retry   the fixed CSV (or, without a file, the stored rows as they are) validated and loaded
//           again; rows that load are marked resolved, rows that still fail keep their new errors.
//
// Scope: a row belongs to the governorate its governorate column names (through the run's mapping);
// the actor sees, exports and retries only the rows of the governorates they work in, and the rows
// that name no governorate of the 16 only when they ran that import themselves (they had the file).
import fs from 'node:fs';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Actor } from '../access/actor.ts';
import type { FieldError } from '../registry/fieldError.ts';
import { boundedRaw, ImportSetupError, importColumns, layoutOf, normaliseHeader, type Mapping } from './columns.ts';
import { copyStage, createStage, loadHouseholds, loadPersons, stagedRow, type Kind, type StagedRow } from './load.ts';
import { formatOf, openRows } from './read.ts';
import { checkImportRole, derivedRecordId } from './run.ts';
import { validateRow } from './validate.ts';
import { isUuid } from '../shared/ids.ts';
import { appendChange, serialisedJson } from '../store/changeLog.ts';
import { reasonWordsSql } from './reportText.ts';

export type QuarantineEntry = { quarantineId: string; importId: string; fileName: string; rowNumber: number; errors: FieldError[] };

function checkUuid(id: string | undefined, what: string): void {
  if (id !== undefined && !isUuid(id)) throw new ImportSetupError(`${what} must be an id like 0b8e1c3a-...`);
}

export async function listQuarantine(
  pool: pg.Pool,
  actor: Actor,
  opts: { importId?: string | undefined; limit?: number } = {},
): Promise<QuarantineEntry[]> {
  checkUuid(opts.importId, '--import');
  const r = await pool.query<{ id: string; import_id: string; file_name: string; row_number: number; errors: FieldError[] }>(
    `SELECT q.id, q.import_id, i.file_name, q.row_number, q.errors FROM quarantine q JOIN import_run i ON i.id = q.import_id
     WHERE ${quarantineScope(actor)} AND q.resolved_at IS NULL AND ($1::uuid IS NULL OR q.import_id = $1)
     ORDER BY i.started_at, q.row_number LIMIT $2`,
    [opts.importId ?? null, opts.limit ?? 1000],
  );
  return r.rows.map((x) => ({
    quarantineId: x.id,
    importId: x.import_id,
    fileName: x.file_name,
    rowNumber: x.row_number,
    errors: x.errors,
  }));
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const PCODE = /^PS0[12][0-9]{2}$/;

/** The P-code a quarantined row q of run i names in its governorate column (as the import reads it), or null. */
const ROW_GOVERNORATE = `(SELECT upper(btrim(kv.value)) FROM jsonb_each_text(q.raw) kv
   WHERE coalesce(i.mapping->>lower(btrim(replace(kv.key, E'\\uFEFF', ''))), lower(btrim(replace(kv.key, E'\\uFEFF', '')))) = 'governorate' LIMIT 1)`;

/** SQL over quarantine q JOIN import_run i: the rows of the actor's organisation and scope (as literals: COPY takes no parameters). */
export function quarantineScope(actor: Actor): string {
  if (!isUuid(actor.orgId)) throw new Error('bad organisation id');
  const govs = actor.governorates.filter((g) => PCODE.test(g)).map(sqlString);
  const own = actor.userId !== null && isUuid(actor.userId) ? `i.actor_id = '${actor.userId}'` : 'false';
  return `i.org_id = '${actor.orgId}' AND (${ROW_GOVERNORATE} IN (${govs.length ? govs.join(',') : 'NULL'})
    OR (${own} AND coalesce(${ROW_GOVERNORATE} NOT IN (SELECT pcode FROM governorate), true)))`;
}

/** Streams unresolved rows to a CSV, in constant memory. Returns the number of rows. */
export async function exportQuarantine(
  pool: pg.Pool,
  actor: Actor,
  opts: { output: string; importId?: string | undefined },
): Promise<number> {
  checkImportRole(actor);
  checkUuid(opts.importId, '--import');
  const where = `${quarantineScope(actor)} AND q.resolved_at IS NULL${opts.importId ? ` AND q.import_id = '${opts.importId}'` : ''}`;
  const client = await pool.connect();
  try {
    const keys = (
      await client.query<{ k: string }>(
        `SELECT DISTINCT jsonb_object_keys(q.raw) AS k FROM quarantine q JOIN import_run i ON i.id = q.import_id WHERE ${where}`,
      )
    ).rows.map((r) => r.k);
    const order = (k: string) => {
      const i = (importColumns as readonly string[]).indexOf(normaliseHeader(k));
      return i < 0 ? importColumns.length : i;
    };
    keys.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    const cols = keys.map((k) => `q.raw->>${sqlString(k)} AS ${`"${k.replace(/"/g, '""')}"`}`);
    const sql = `COPY (SELECT q.id AS quarantine_id, q.import_id, q.row_number,
        (SELECT string_agg((e->>'field') || ' ' || ${reasonWordsSql('e')}, '; ') FROM jsonb_array_elements(q.errors) e) AS problems
        ${cols.length ? `, ${cols.join(', ')}` : ''}
      FROM quarantine q JOIN import_run i ON i.id = q.import_id WHERE ${where} ORDER BY i.started_at, q.row_number) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const count = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM quarantine q JOIN import_run i ON i.id = q.import_id WHERE ${where}`,
    );
    const out = fs.createWriteStream(opts.output, { mode: 0o600 });
    const src = client.query(pgCopy.to(sql));
    await new Promise<void>((resolve, reject) => {
      src.on('error', reject);
      out.on('error', reject);
      out.on('finish', resolve);
      src.pipe(out);
    });
    return count.rows[0]!.n;
  } finally {
    client.release();
  }
}

type Item = { quarantineId: string; importId: string; rowNumber: number; raw: Record<string, string> };
type RunInfo = { id: string; kind: Kind; file_sha256: string; mapping: Mapping };

export type RetrySummary = {
  retried: number;
  loaded: number;
  unchanged: number;
  stillRejected: number;
  unverifiedIds: number;
  unknown: number;
};

const META = new Set(['quarantine_id', 'import_id', 'row_number', 'problems']);

async function* itemsFromFile(file: string, format: string | undefined): AsyncGenerator<Omit<Item, 'importId' | 'rowNumber'>[]> {
  const src = await openRows(file, formatOf(file, format));
  try {
    const header = src.header.map((h) => h.replace(/^\uFEFF/, '').trim());
    const qi = header.findIndex((h) => normaliseHeader(h) === 'quarantine_id');
    if (qi < 0)
      throw new ImportSetupError('The file has no quarantine_id column: fix the file written by `sanad import quarantine export`.');
    for await (const chunk of src.chunks) {
      yield chunk.map((row) => {
        const raw: Record<string, string> = {};
        header.forEach((h, i) => {
          const v = row[i];
          if (!META.has(normaliseHeader(h)) && v !== undefined && v !== '') raw[h] = v;
        });
        return { quarantineId: (row[qi] ?? '').trim(), raw };
      });
    }
  } finally {
    src.close();
  }
}

async function* itemsFromStore(
  pool: pg.Pool,
  actor: Actor,
  importId: string | undefined,
): AsyncGenerator<Omit<Item, 'importId' | 'rowNumber'>[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const r = await pool.query<{ id: string; raw: Record<string, string> }>(
      `SELECT q.id, q.raw FROM quarantine q JOIN import_run i ON i.id = q.import_id
       WHERE ${quarantineScope(actor)} AND q.resolved_at IS NULL AND ($1::uuid IS NULL OR q.import_id = $1) AND q.id > $2 ORDER BY q.id LIMIT 2000`,
      [importId ?? null, after],
    );
    if (r.rows.length === 0) return;
    after = r.rows[r.rows.length - 1]!.id;
    yield r.rows.map((x) => ({ quarantineId: x.id, raw: x.raw }));
  }
}

/** Validates and loads quarantined rows again (fixed in `file`, or as stored). */
export async function retryQuarantine(
  pool: pg.Pool,
  actor: Actor,
  opts: { file?: string | undefined; format?: string | undefined; importId?: string | undefined; today?: Date },
): Promise<RetrySummary> {
  checkImportRole(actor);
  checkUuid(opts.importId, '--import');
  const today = opts.today ?? new Date();
  const todayStr = today.toISOString().slice(0, 10);
  const governorates = new Set(actor.governorates);
  const sum: RetrySummary = { retried: 0, loaded: 0, unchanged: 0, stillRejected: 0, unverifiedIds: 0, unknown: 0 };
  const runs = new Map<string, RunInfo>();
  const client = await pool.connect();
  try {
    await createStage(client);
    const source = opts.file ? itemsFromFile(opts.file, opts.format) : itemsFromStore(pool, actor, opts.importId);
    for await (const chunk of source) {
      const ids = chunk.map((c) => c.quarantineId).filter((id) => isUuid(id));
      const known = await client.query<{ id: string; import_id: string; row_number: number }>(
        `SELECT q.id, q.import_id, q.row_number FROM quarantine q JOIN import_run i ON i.id = q.import_id
         WHERE q.id = ANY($1::uuid[]) AND ${quarantineScope(actor)} AND q.resolved_at IS NULL AND ($2::uuid IS NULL OR q.import_id = $2)`,
        [ids, opts.importId ?? null],
      );
      const byId = new Map(known.rows.map((r) => [r.id, r]));
      const groups = new Map<string, Item[]>();
      for (const c of chunk) {
        const k = byId.get(c.quarantineId.toLowerCase());
        if (!k) {
          sum.unknown++;
          continue;
        }
        const list = groups.get(k.import_id) ?? [];
        list.push({ ...c, quarantineId: k.id, importId: k.import_id, rowNumber: k.row_number });
        groups.set(k.import_id, list);
      }
      for (const [importId, items] of groups) {
        let run = runs.get(importId);
        if (!run) {
          run = (await client.query<RunInfo>('SELECT id, kind, file_sha256, mapping FROM import_run WHERE id = $1', [importId])).rows[0]!;
          runs.set(importId, run);
        }
        await retryGroup(client, actor, run, items, governorates, today, todayStr, sum);
      }
    }
    return sum;
  } finally {
    client.release(true);
  }
}

async function retryGroup(
  client: pg.PoolClient,
  actor: Actor,
  run: RunInfo,
  items: Item[],
  governorates: ReadonlySet<string>,
  today: Date,
  todayStr: string,
  sum: RetrySummary,
): Promise<void> {
  const lines: StagedRow[] = [];
  const staged = new Map<number, Item>();
  const failed: { item: Item; errors: FieldError[] }[] = [];
  for (const item of items) {
    const header = Object.keys(item.raw);
    const row = header.map((h) => item.raw[h]!);
    let errors: FieldError[];
    try {
      const layout = layoutOf(header, run.mapping ?? {}, run.kind);
      const v = validateRow(row, item.rowNumber, {
        kind: run.kind,
        layout,
        governorates,
        derivedRecordId: (n) => derivedRecordId(run.file_sha256, n),
        today,
      });
      if (v.ok) {
        lines.push(stagedRow(item.rowNumber, v));
        staged.set(item.rowNumber, item);
        continue;
      }
      errors = v.errors;
    } catch (e) {
      if (!(e instanceof ImportSetupError)) throw e;
      errors = [{ field: 'row', reason: 'unreadable' }];
    }
    failed.push({ item, errors });
  }
  let res: Awaited<ReturnType<typeof loadPersons>>;
  await client.query('BEGIN');
  try {
    await copyStage(client, lines);
    res =
      run.kind === 'persons'
        ? await loadPersons(client, actor.orgId, lines.length)
        : await loadHouseholds(client, actor.orgId, governorates, todayStr, lines.length);
    for (const r of res.rejected) {
      const item = staged.get(r.rowNumber);
      if (item) {
        staged.delete(r.rowNumber);
        failed.push({ item, errors: r.errors });
      }
    }
    const resolved = [...staged.values()].map((i) => i.quarantineId);
    await client.query('UPDATE quarantine SET resolved_at = now() WHERE id = ANY($1::uuid[])', [resolved]);
    if (failed.length > 0) {
      await client.query(
        `UPDATE quarantine q SET raw = t.raw, errors = t.errors FROM unnest($1::uuid[], $2::jsonb[], $3::jsonb[]) AS t(id, raw, errors) WHERE q.id = t.id`,
        [
          failed.map((f) => f.item.quarantineId),
          failed.map((f) => JSON.stringify(boundedRaw(f.item.raw))),
          failed.map((f) => JSON.stringify(f.errors)),
        ],
      );
    }
    await client.query(
      'UPDATE import_run SET rows_retried = rows_retried + $2, rows_unverified = rows_unverified + $3, persons_created = persons_created + $4, households_created = households_created + $5 WHERE id = $1',
      [run.id, resolved.length, res.unverified, res.personsCreated, res.householdsCreated],
    );
    const head = {
      importId: run.id,
      kind: run.kind,
      retried: items.length,
      resolved: resolved.length,
      loaded: res.loaded,
      unchanged: res.unchanged,
      stillRejected: failed.length,
      unverifiedIds: res.unverified,
    };
    const ids = Object.entries({ ...res.ids, quarantineIds: JSON.stringify(resolved) })
      .map(([k, v]) => `,${JSON.stringify(k)}:${v}`)
      .join('');
    await appendChange(client, actor, {
      entity: 'import',
      entityId: run.id,
      operationId: run.id,
      action: 'quarantine_retry',
      after: serialisedJson(`${JSON.stringify(head).slice(0, -1) + ids}}`),
    });
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  sum.retried += items.length;
  sum.loaded += res.loaded;
  sum.unchanged += res.unchanged;
  sum.unverifiedIds += res.unverified;
  sum.stillRejected += failed.length;
}
