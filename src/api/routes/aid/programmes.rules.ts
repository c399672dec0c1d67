import { setRules } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ProgrammeView, RulesInput } from './schema.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/aid/programmes/:id/rules',
  summary: "Replace a programme's rules (send the version you read); cycles keep the rules they were generated with",
  tags: ['aid'],
  params: IdParam,
  body: RulesInput,
  response: ProgrammeView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await setRules(ctx, params.id, body.version, body.rules),
    })),
});
