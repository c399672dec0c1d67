// Records the person's consent on a case anew (to refer, to whom, which fields, until when), or its
// withdrawal (given: false). It replaces the one before; the timeline and the change log keep both.
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { type Case, getCaseFor } from './caseRow.ts';

export async function recordConsent(ctx: WriteContext, id: string, consent: Record<string, unknown>): Promise<Case> {
  const { c, access } = await getCaseFor(ctx.client, ctx.actor, id, true);
  if (access === 'shared') throw errors.caseStepRefused();
  await ctx.client.query('UPDATE case_file SET consent = $2, version = version + 1 WHERE id = $1', [id, consent]);
  await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'consent', $2, $3)", [
    id,
    { given: consent.given === true },
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'case', entityId: id, action: 'consent', before: c.consent, after: consent });
  return (await getCaseFor(ctx.client, ctx.actor, id)).c;
}
