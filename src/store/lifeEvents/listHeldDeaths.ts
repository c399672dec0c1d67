// The death lists' quarantine: the rows held and not yet applied, by list and row number, with their
// reasons; never the values (names, ID numbers), which stay in the database for a person to check.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { DeathListHeldReason } from '../../shared/deathList.ts';

export type HeldDeathRow = { importId: string; fileName: string; rowNumber: number; reason: DeathListHeldReason };

export async function listHeldDeaths(
  pool: pg.Pool,
  actor: Actor,
  opts: { importId?: string | undefined; limit?: number } = {},
): Promise<HeldDeathRow[]> {
  const r = await pool.query<{ import_id: string; file_name: string; row_number: number; reason: DeathListHeldReason }>(
    `SELECT h.import_id, i.file_name, h.row_number, h.reason FROM death_list_held h JOIN death_list_import i ON i.id = h.import_id
      WHERE i.org_id = $1 AND h.resolved_at IS NULL AND ($2::text IS NULL OR h.import_id::text = $2)
      ORDER BY i.started_at, h.import_id, h.row_number LIMIT $3`,
    [actor.orgId, opts.importId ?? null, opts.limit ?? 1000],
  );
  return r.rows.map((x) => ({ importId: x.import_id, fileName: x.file_name, rowNumber: x.row_number, reason: x.reason }));
}
