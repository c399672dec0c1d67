// Changes a reconstruction project (optimistic: the version read); its parts are replaced whole.
// Transactions are not touched: they are recorded, never edited.
import { errors } from '../../../errors.ts';
import type { Project, ProjectDraft } from '../../../reconstruction/projects.ts';
import type { WriteContext } from '../../write.ts';
import {
  assertLocationsInScope,
  deleteChildren,
  isIdentifierTaken,
  PROJECT_COLUMNS,
  projectValues,
  writeChildren,
} from './projectChildren.ts';
import { getProjectFor } from './projectRow.ts';

export async function updateProject(ctx: WriteContext, id: string, d: ProjectDraft, version: number): Promise<Project> {
  const before = await getProjectFor(ctx.client, ctx.actor, id, true);
  if (before.version !== version) throw errors.versionConflict();
  assertLocationsInScope(ctx.actor, d);
  if (d.iatiIdentifier !== before.iatiIdentifier) {
    const taken = await ctx.client.query('SELECT 1 FROM reconstruction_project WHERE iati_identifier = $1', [d.iatiIdentifier]);
    if (taken.rowCount) throw errors.iatiIdentifierTaken();
  }
  const sets = PROJECT_COLUMNS.split(', ').map((c, i) => `${c} = $${i + 2}`);
  await ctx.client
    .query(`UPDATE reconstruction_project SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      ...projectValues(d),
    ])
    .catch((e: unknown) => {
      throw isIdentifierTaken(e) ? errors.iatiIdentifierTaken() : e;
    });
  await deleteChildren(ctx.client, id);
  await writeChildren(ctx.client, id, d);
  await ctx.log({
    entity: 'reconstruction_project',
    entityId: id,
    action: 'update',
    before: { iatiIdentifier: before.iatiIdentifier, version },
    after: { iatiIdentifier: d.iatiIdentifier, version: version + 1 },
  });
  return getProjectFor(ctx.client, ctx.actor, id);
}
