import type { WriteContext } from '../write.ts';
import { type Candidate, getCandidate } from './candidates.ts';
import { assertUndoable } from './review.ts';

/** Undoes the decision on a pair (and its link): the pair goes back to the queue. */
export async function undo(ctx: WriteContext, id: string): Promise<Candidate> {
  const { client, actor } = ctx;
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
  const c = await getCandidate(client, actor, id, { forUpdate: true });
  assertUndoable(c.status);
  const l = await client.query<{ id: string }>(
    'UPDATE person_link SET undone_at = now(), undone_by = $2 WHERE candidate_id = $1 AND undone_at IS NULL RETURNING id',
    [c.id, actor.userId],
  );
  await client.query(
    `UPDATE match_candidate SET status = 'pending', decided_by = NULL, decided_at = NULL, updated_at = now() WHERE id = $1`,
    [c.id],
  );
  await ctx.log({
    entity: 'match_candidate',
    entityId: c.id,
    action: 'undo',
    before: { status: c.status, decidedBy: c.decidedBy },
    after: { status: 'pending', undoneBy: actor.userId, unlinked: l.rows.length > 0 },
  });
  return { ...c, status: 'pending', decidedBy: null, decidedAt: null };
}
