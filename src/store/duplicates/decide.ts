// A decision on a pair, logged with who made it: 'same person' links the two records (both kept)
// unless the link would put a conflicting pair into one identity (review.ts decides).
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { type Candidate, type Decision, getCandidate, linked } from './candidates.ts';
import { mergeConflict } from './identity.ts';
import { assertDecidable, assertLinkable } from './review.ts';

/** Records a decision on a pair; 'same' links the two records. */
export async function decide(ctx: WriteContext, id: string, decision: Decision): Promise<Candidate> {
  const { client, actor } = ctx;
  // links of one organisation change one at a time: the conflict check sees every committed link
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
  const c = await getCandidate(client, actor, id, { forUpdate: true });
  assertDecidable(c.status);
  if (decision === 'same') {
    assertLinkable(await mergeConflict(client, c.personA, c.personB));
    await client.query(
      `INSERT INTO person_link (org_id, person_a, person_b, candidate_id, kind, created_by) VALUES ($1,$2,$3,$4,'decision',$5)`,
      [actor.orgId, c.personA, c.personB, c.id, actor.userId],
    );
  } else if (decision === 'different' && (await linked(client, c))) {
    throw errors.pairLinkedThroughOthers();
  }
  const r = await client.query<{ decided_at: Date }>(
    `UPDATE match_candidate SET status = $2, decided_by = $3, decided_at = now(), updated_at = now() WHERE id = $1 RETURNING decided_at`,
    [c.id, decision, actor.userId],
  );
  await ctx.log({
    entity: 'match_candidate',
    entityId: c.id,
    action: 'decide',
    before: { status: c.status, decidedBy: c.decidedBy },
    after: { status: decision, decidedBy: actor.userId, personA: c.personA, personB: c.personB },
  });
  return { ...c, status: decision, decidedBy: actor.userId, decidedAt: r.rows[0]!.decided_at.toISOString() };
}
