import { dueDays } from '../../cases/flow.ts';
import type { WithoutCare } from '../../cases/childProtection.ts';
import { isSensitive } from '../../shared/cases.ts';
import { appendChanges } from '../changeLog.ts';
import type { WriteContext } from '../write.ts';

/** A child a confirmed event left without care, and the event. */
export type RuleCase = { childId: string; eventId: string; reason: WithoutCare['reason'] };

/**
 * After confirmed deaths or "orphaned": a child-protection case for every child the events left
 * without care, unassigned (the case supervisors of the governorate assign it), due within a day:
 * an interim caregiver is to be found and recorded. One open rule-opened case per child (a child
 * who has one, or who is named twice, gets no second). Set-based: one statement for the cases, one
 * for their first entries, one for the change log, however many children.
 */
export async function openChildProtectionCases(ctx: WriteContext, children: readonly RuleCase[]): Promise<void> {
  const seen = new Set<string>();
  const list = children.filter((c) => !seen.has(c.childId) && seen.add(c.childId));
  if (list.length === 0) return;
  const r = await ctx.client.query<{ id: string; ord: string }>(
    `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS u(person_id, life_event_id, ord)),
          ins AS (INSERT INTO case_file (org_id, governorate, type, sensitive, person_id, household_id, assigned_to, opened_by, life_event_id, consent, due_at)
                  SELECT p.org_id, p.governorate, 'child_protection', $3, p.id,
                         (SELECT household_id FROM household_member WHERE person_id = p.id AND valid_to IS NULL),
                         NULL, NULL, u.life_event_id, '{}'::jsonb, now() + make_interval(days => $4)
                    FROM u JOIN person p ON p.id = u.person_id ORDER BY u.ord
                  ON CONFLICT (person_id, type) WHERE stage <> 'closed' AND opened_by IS NULL DO NOTHING
                  RETURNING id, person_id)
     SELECT ins.id, u.ord::text AS ord FROM ins JOIN u ON u.person_id = ins.person_id ORDER BY u.ord`,
    [list.map((c) => c.childId), list.map((c) => c.eventId), isSensitive('child_protection'), dueDays('child_protection')],
  );
  if (r.rows.length === 0) return;
  const reasonOf = (ord: string) => list[Number(ord) - 1]!.reason;
  await ctx.client.query(
    "INSERT INTO case_entry (case_id, kind, body, author_id) SELECT id, 'opened', body, NULL FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, body)",
    [r.rows.map((x) => x.id), r.rows.map((x) => JSON.stringify({ reason: reasonOf(x.ord) }))],
  );
  // the log names the case, never the child or why: the case's existence is itself sensitive
  await appendChanges(
    ctx.client,
    r.rows.map((x) => ({
      actor: ctx.actor,
      operationId: ctx.operationId,
      entity: 'case',
      entityId: x.id,
      action: 'open_by_rule',
      after: { type: 'child_protection' },
    })),
  );
}
