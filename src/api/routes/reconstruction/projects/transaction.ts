import { errors } from '../../../../errors.ts';
import { today } from '../../../../registry/day.ts';
import { transactionProblems } from '../../../../reconstruction/projects.ts';
import { recordTransaction } from '../../../../store/reconstruction/projects/recordTransaction.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { TransactionInput, TransactionView } from './schema.ts';
import { transactionView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/projects/:id/transactions',
  summary:
    'Record a commitment (type 2), a disbursement (3), incoming funds (1) or an expenditure (4) on a project: value, currency (the project’s by default), a day not in the future, provider and receiver organisations (never a person)',
  tags: ['reconstruction'],
  params: IdParams,
  body: TransactionInput,
  response: TransactionView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const problems = transactionProblems(body, today());
    if (problems.length) throw errors.validation(problems);
    return write(async (ctx) => ({ status: 201, body: transactionView(await recordTransaction(ctx, params.id, body)) }));
  },
});
