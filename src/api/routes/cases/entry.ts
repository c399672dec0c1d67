import { checkDay } from '../../../registry/day.ts';
import { addEntry } from '../../../store/cases/actOnCase.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseView, EntryInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/entries',
  summary:
    'Add to a case: a note, a service, a referral, a follow-up (with the next date), an interim caregiver; an assessment, a plan or a closure goes to a supervisor',
  tags: ['cases'],
  params: IdParams,
  body: EntryInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const nextDate = body.nextDate === undefined ? null : checkDay(body.nextDate, 'nextDate', { future: true });
    const e = { kind: body.kind, text: body.text ?? null, nextDate, personId: body.personId ?? null };
    return write(async (ctx) => ({ status: 200, body: await addEntry(ctx, params.id, e) }));
  },
});
