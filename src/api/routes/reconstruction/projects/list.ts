import { listProjects, PROJECTS_PAGE } from '../../../../store/reconstruction/projects/listProjects.ts';
import { decodeCursor, encodeCursor } from '../../../cursor.ts';
import { defineRoute } from '../../../route.ts';
import { ProjectList, ProjectListQuery } from './schema.ts';
import { projectSummaryView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/projects',
  summary: 'The reconstruction projects of your organisation in your governorates, by IATI identifier, 50 a page',
  tags: ['reconstruction'],
  query: ProjectListQuery,
  response: ProjectList,
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, (v): v is { after: string } => typeof (v as { after?: unknown })?.after === 'string')?.after;
    const rows = await listProjects(store.pool, actor, after);
    const page = rows.slice(0, PROJECTS_PAGE);
    const next = rows.length > PROJECTS_PAGE ? encodeCursor({ after: page.at(-1)!.iatiIdentifier }) : null;
    return { items: page.map(projectSummaryView), nextCursor: next };
  },
});
