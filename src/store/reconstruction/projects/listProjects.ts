// The reconstruction projects the actor sees, a page at a time in identifier order.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { Project } from '../../../reconstruction/projects.ts';
import { selectProjects, visibleSql } from './projectRow.ts';

export const PROJECTS_PAGE = 50;

/** Up to PROJECTS_PAGE + 1 projects after `after` (an identifier): one more tells there is a next page. */
export async function listProjects(db: pg.Pool, actor: Actor, after: string | undefined): Promise<Project[]> {
  return selectProjects(
    db,
    `${visibleSql('p', 1, 2)} AND ($3::text IS NULL OR p.iati_identifier > $3)`,
    [actor.orgId, actor.governorates, after ?? null],
    `LIMIT ${PROJECTS_PAGE + 1}`,
  );
}
