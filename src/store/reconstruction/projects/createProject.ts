// Creates a reconstruction project of the actor's organisation in their governorates.
import { errors } from '../../../errors.ts';
import type { Project, ProjectDraft } from '../../../reconstruction/projects.ts';
import type { WriteContext } from '../../write.ts';
import { assertLocationsInScope, isIdentifierTaken, PROJECT_COLUMNS, projectValues, writeChildren } from './projectChildren.ts';
import { getProjectFor } from './projectRow.ts';

export async function createProject(ctx: WriteContext, d: ProjectDraft): Promise<Project> {
  assertLocationsInScope(ctx.actor, d);
  const taken = await ctx.client.query('SELECT 1 FROM reconstruction_project WHERE iati_identifier = $1', [d.iatiIdentifier]);
  if (taken.rowCount) throw errors.iatiIdentifierTaken();
  const placeholders = projectValues(d).map((_, i) => `$${i + 3}`);
  const r = await ctx.client
    .query<{ id: string }>(
      `INSERT INTO reconstruction_project (org_id, created_by, ${PROJECT_COLUMNS}) VALUES ($1, $2, ${placeholders.join(', ')}) RETURNING id`,
      [ctx.actor.orgId, ctx.actor.userId, ...projectValues(d)],
    )
    .catch((e: unknown) => {
      throw isIdentifierTaken(e) ? errors.iatiIdentifierTaken() : e;
    });
  const id = r.rows[0]!.id;
  await writeChildren(ctx.client, id, d);
  // public data (it is published as IATI), but the log keeps to what identifies the project
  await ctx.log({ entity: 'reconstruction_project', entityId: id, action: 'create', after: { iatiIdentifier: d.iatiIdentifier } });
  return getProjectFor(ctx.client, ctx.actor, id);
}
