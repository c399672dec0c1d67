// A health ministry's death list, imported: the file's rows read and checked (src/lifeEvents/deathList.ts),
// then applied in batches of BATCH rows, each one transaction (src/store/lifeEvents/applyDeathRows.ts),
// with progress after each. The same file again is the same import and adds nothing (its matched rows
// are already known); a row of it held before and matched now is applied and leaves the quarantine.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { type DeathRow, deathListLayout, type HeldRow, isHeld, readDeathRow } from '../../lifeEvents/deathList.ts';
import { today } from '../../registry/day.ts';
import { type DeathListHeldReason, deathListColumns, deathListHeldReasons } from '../../shared/deathList.ts';
import { write } from '../write.ts';
import { applyDeathRows } from './applyDeathRows.ts';

/**
 * Rows per transaction. Every change-log entry of a transaction updates the chain's head row
 * (migrations/0027), and each update walks the versions the transaction already made: the cost of a
 * batch grows with the square of its entries (about 3.5 per death: report, confirmation, task,
 * case). 250 rows keep that small (measured: 2,000-row batches spent 80% of a 10,000-row list there).
 */
export const BATCH = 250;

export type DeathListSummary = {
  importId: string;
  rows: number;
  applied: number;
  alreadyKnown: number;
  held: number;
  heldBy: Record<DeathListHeldReason, number>;
  /** The held rows (row number and reason; the values stay in the quarantine), at most 1,000. */
  heldRows: { rowNumber: number; reason: DeathListHeldReason }[];
  seconds: number;
};

export type DeathListInput = {
  fileName: string;
  sha256: string;
  header: readonly string[];
  chunks: AsyncIterable<string[][]> | Iterable<string[][]>;
  onProgress?: (rowsDone: number) => void;
};

export async function importDeathList(pool: pg.Pool, actor: Actor, input: DeathListInput): Promise<DeathListSummary> {
  const t0 = Date.now();
  const layout = deathListLayout(input.header);
  if (!layout.ok)
    throw errors.deathListUnreadable(
      `The list's header lacks ${layout.missing.join(', ')}: its columns are ${deathListColumns.join(', ')} (list_reference may be left out).`,
    );
  const run = await pool.query<{ id: string }>(
    `INSERT INTO death_list_import (org_id, actor_id, file_name, file_sha256) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, file_sha256) DO UPDATE SET started_at = now(), finished_at = NULL
     RETURNING id`,
    [actor.orgId, actor.userId, input.fileName.slice(0, 200), input.sha256],
  );
  const importId = run.rows[0]!.id;
  const heldBy = Object.fromEntries(deathListHeldReasons.map((r) => [r, 0])) as Record<DeathListHeldReason, number>;
  const s = { rows: 0, applied: 0, alreadyKnown: 0, heldRows: [] as { rowNumber: number; reason: DeathListHeldReason }[] };
  const seen = new Set<string>();
  const day = today();
  const flush = async (rows: DeathRow[], early: HeldRow[]) => {
    const out = await write(pool, actor, { route: 'life-events import-deaths' }, async (ctx) => ({
      status: 200,
      body: await applyDeathRows(ctx, importId, rows, early, seen),
    }));
    s.applied += out.body.applied;
    s.alreadyKnown += out.body.alreadyKnown;
    for (const h of out.body.held) {
      heldBy[h.reason]++;
      if (s.heldRows.length < 1000) s.heldRows.push({ rowNumber: h.rowNumber, reason: h.reason });
    }
    input.onProgress?.(s.rows);
  };
  let rows: DeathRow[] = [];
  let early: HeldRow[] = [];
  for await (const chunk of input.chunks) {
    for (const cells of chunk) {
      s.rows++;
      const r = readDeathRow(cells, layout.index, input.header, s.rows + 1, day); // row 1 is the header
      if (isHeld(r)) early.push(r);
      else rows.push(r);
      if (rows.length + early.length >= BATCH) {
        await flush(rows, early);
        rows = [];
        early = [];
      }
    }
  }
  if (rows.length + early.length > 0 || s.rows === 0) await flush(rows, early);
  const held = Object.values(heldBy).reduce((a, b) => a + b, 0);
  await write(pool, actor, { route: 'life-events import-deaths' }, async (ctx) => {
    await ctx.client.query(
      `UPDATE death_list_import SET rows_read = $2, applied = $3, already_known = $4, held = $5, finished_at = now(), actor_id = $6
        WHERE id = $1`,
      [importId, s.rows, s.applied, s.alreadyKnown, held, actor.userId],
    );
    // counts only: the rows (names, ID numbers) stay in the list's quarantine
    await ctx.log({
      entity: 'death_list',
      entityId: importId,
      action: 'import',
      after: { rows: s.rows, applied: s.applied, alreadyKnown: s.alreadyKnown, held: heldBy },
    });
    return { status: 200, body: null };
  });
  s.heldRows.sort((a, b) => a.rowNumber - b.rowNumber);
  return { importId, ...s, held, heldBy, seconds: (Date.now() - t0) / 1000 };
}
