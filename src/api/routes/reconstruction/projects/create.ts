import { errors } from '../../../../errors.ts';
import { today } from '../../../../registry/day.ts';
import { projectProblems } from '../../../../reconstruction/projects.ts';
import { createProject } from '../../../../store/reconstruction/projects/createProject.ts';
import { defineRoute } from '../../../route.ts';
import { ProjectInput, ProjectView } from './schema.ts';
import { projectView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/projects',
  summary:
    'Create a reconstruction project (a donor-funded package of cases or a public building): its IATI identifier, organisations, sectors, governorates and budgets, checked against the IATI 2.03 codelists and rules',
  tags: ['reconstruction'],
  body: ProjectInput,
  response: ProjectView,
  status: 201,
  idempotent: true,
  handler: async ({ body, write }) => {
    const problems = projectProblems(body, today());
    if (problems.length) throw errors.validation(problems);
    return write(async (ctx) => ({ status: 201, body: projectView(await createProject(ctx, body)) }));
  },
});
