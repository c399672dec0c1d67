// Damage imports of the actor's organisation: one with its counts and its quarantined rows (with
// their reasons), and the latest ones. Remote assessments hold no personal data.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { FieldError } from '../../shared/problems.ts';

export type DamageImportSummary = {
  id: string;
  fileName: string;
  format: 'csv' | 'geojson';
  toleranceM: number;
  status: 'running' | 'done' | 'failed';
  rows: number;
  matched: number;
  buildingsCreated: number;
  quarantined: number;
  startedAt: string;
  finishedAt: string | null;
  alreadyImported?: boolean;
};
export type QuarantinedRow = { rowNumber: number; raw: Record<string, unknown>; errors: FieldError[] };

type Row = {
  id: string;
  file_name: string;
  format: 'csv' | 'geojson';
  tolerance_m: number;
  status: DamageImportSummary['status'];
  rows_total: number;
  rows_matched: number;
  buildings_created: number;
  rows_quarantined: number;
  started_at: Date;
  finished_at: Date | null;
};
const COLUMNS =
  'id, file_name, format, tolerance_m, status, rows_total, rows_matched, buildings_created, rows_quarantined, started_at, finished_at';
const parse = (r: Row): DamageImportSummary => ({
  id: r.id,
  fileName: r.file_name,
  format: r.format,
  toleranceM: r.tolerance_m,
  status: r.status,
  rows: r.rows_total,
  matched: r.rows_matched,
  buildingsCreated: r.buildings_created,
  quarantined: r.rows_quarantined,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

export async function readDamageImport(db: pg.Pool | pg.PoolClient, actor: Actor, id: string): Promise<DamageImportSummary> {
  if (!isUuid(id)) throw errors.notFound('damage import');
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM damage_import WHERE id = $1 AND org_id = $2`, [id, actor.orgId]);
  if (!r.rows[0]) throw errors.notFound('damage import');
  return parse(r.rows[0]);
}

/** The quarantined rows of an import, in file order (at most `limit`). */
export async function damageQuarantine(db: pg.Pool, actor: Actor, id: string, limit = 500): Promise<QuarantinedRow[]> {
  await readDamageImport(db, actor, id);
  const r = await db.query<{ row_number: number; raw: Record<string, unknown>; errors: FieldError[] }>(
    'SELECT row_number, raw, errors FROM damage_quarantine WHERE import_id = $1 ORDER BY row_number LIMIT $2',
    [id, limit],
  );
  return r.rows.map((q) => ({ rowNumber: q.row_number, raw: q.raw, errors: q.errors }));
}

/** The organisation's latest imports. */
export async function listDamageImports(db: pg.Pool, actor: Actor): Promise<DamageImportSummary[]> {
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM damage_import WHERE org_id = $1 ORDER BY started_at DESC LIMIT 50`, [actor.orgId]);
  return r.rows.map(parse);
}
