// The projects of an IATI export, streamed: one read-only snapshot, pages of BATCH projects in
// identifier order (keyset), so an export of any size holds one page in memory at a time.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { Project } from '../../../reconstruction/projects.ts';
import { selectProjects, visibleSql } from './projectRow.ts';

export const BATCH = 200;

export type IatiSelection = { organisation?: string | undefined };

/** Counts the projects, then yields them a page at a time, all from one snapshot. */
export async function* iatiProjects(
  pool: pg.Pool,
  actor: Actor,
  sel: IatiSelection,
  onCount?: (n: number) => void,
): AsyncGenerator<Project[]> {
  const client = await pool.connect();
  let committed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const where = `${visibleSql('p', 1, 2)} AND ($3::text IS NULL OR p.reporting_org_ref = $3)`;
    const params = [actor.orgId, actor.governorates, sel.organisation ?? null];
    const n = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM reconstruction_project p WHERE ${where}`, params);
    onCount?.(n.rows[0]!.n);
    let after: string | null = null;
    for (;;) {
      const page = await selectProjects(
        client,
        `${where} AND ($4::text IS NULL OR p.iati_identifier > $4)`,
        [...params, after],
        `LIMIT ${BATCH}`,
      );
      if (page.length === 0) break;
      yield page;
      after = page.at(-1)!.iatiIdentifier;
      if (page.length < BATCH) break;
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // also when the reader stops early (an error while writing, a cancelled download): the
    // generator then returns from its `yield`, past any catch
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
