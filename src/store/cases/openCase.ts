import type pg from 'pg';
import { dueDays } from '../../cases/flow.ts';
import { isSensitive, type CaseType } from '../../shared/cases.ts';
import { getPerson } from '../registry/findPerson.ts';
import type { WriteContext } from '../write.ts';
import { type Case, getCaseFor } from './caseRow.ts';

export type NewCase = { type: CaseType; personId: string; consent: Record<string, unknown>; note: string | null };

/** Opens a case for a person in the actor's scope (404 otherwise), assigned to the one who opens it. */
export async function openCase(ctx: WriteContext, n: NewCase): Promise<Case> {
  const p = await getPerson(ctx.client, ctx.actor, n.personId);
  const id = await insertCase(ctx.client, {
    orgId: p.orgId,
    governorate: p.governorate,
    type: n.type,
    personId: p.id,
    assignedTo: ctx.actor.userId,
    openedBy: ctx.actor.userId,
    lifeEventId: null,
    consent: n.consent,
  });
  await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'opened', $2, $3)", [
    id,
    n.note ? { text: n.note } : {},
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'case', entityId: id, action: 'open', after: { type: n.type, personId: p.id } });
  return (await getCaseFor(ctx.client, ctx.actor, id)).c;
}

export type CaseInsert = {
  orgId: string;
  governorate: string;
  type: CaseType;
  personId: string;
  assignedTo: string | null;
  openedBy: string | null;
  lifeEventId: string | null;
  consent: Record<string, unknown>;
};

/** The row of a new case, with its household (the person's current one) and its first due date. */
export async function insertCase(db: pg.PoolClient, c: CaseInsert): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO case_file (org_id, governorate, type, sensitive, person_id, household_id, assigned_to, opened_by, life_event_id, consent, due_at)
     VALUES ($1, $2, $3, $4, $5,
             (SELECT household_id FROM household_member WHERE person_id = $5 AND valid_to IS NULL),
             $6, $7, $8, $9, now() + make_interval(days => $10))
     RETURNING id`,
    [c.orgId, c.governorate, c.type, isSensitive(c.type), c.personId, c.assignedTo, c.openedBy, c.lifeEventId, c.consent, dueDays(c.type)],
  );
  return r.rows[0]!.id;
}
