import { errors } from '../../../../errors.ts';
import { today } from '../../../../registry/day.ts';
import { projectProblems } from '../../../../reconstruction/projects.ts';
import { updateProject } from '../../../../store/reconstruction/projects/updateProject.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { ProjectUpdate, ProjectView } from './schema.ts';
import { projectView } from './view.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/reconstruction/projects/:id',
  summary: 'Change a reconstruction project (the version read; its transactions stay as recorded)',
  tags: ['reconstruction'],
  params: IdParams,
  body: ProjectUpdate,
  response: ProjectView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const { version, ...draft } = body;
    const problems = projectProblems(draft, today());
    if (problems.length) throw errors.validation(problems);
    return write(async (ctx) => ({ status: 200, body: projectView(await updateProject(ctx, params.id, draft, version)) }));
  },
});
