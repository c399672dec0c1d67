import { childrenWithoutCare, type Member } from '../../cases/childProtection.ts';
import type { LifeEventKind } from '../../shared/lifeEvents.ts';
import type { WriteContext } from '../write.ts';
import { insertCase } from './openCase.ts';

/**
 * After a confirmed death or "orphaned": a child-protection case for every child the event left
 * without care, unassigned (the case supervisors of the governorate assign it), due within a day:
 * an interim caregiver is to be found and recorded. One open rule-opened case per child.
 */
export async function openChildProtectionCases(
  ctx: WriteContext,
  kind: LifeEventKind,
  personId: string,
  eventId: string,
  members: Member[],
) {
  for (const child of childrenWithoutCare(kind, personId, members)) {
    const p = await ctx.client.query<{ org_id: string; governorate: string }>('SELECT org_id, governorate FROM person WHERE id = $1', [
      child.personId,
    ]);
    const person = p.rows[0]!;
    const exists = await ctx.client.query(
      "SELECT 1 FROM case_file WHERE person_id = $1 AND type = 'child_protection' AND stage <> 'closed' AND opened_by IS NULL",
      [child.personId],
    );
    if (exists.rowCount) continue;
    const id = await insertCase(ctx.client, {
      orgId: person.org_id,
      governorate: person.governorate,
      type: 'child_protection',
      personId: child.personId,
      assignedTo: null,
      openedBy: null,
      lifeEventId: eventId,
      consent: {},
    });
    await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'opened', $2, NULL)", [
      id,
      { reason: child.reason },
    ]);
    // the log names the case, never the child or why: the case's existence is itself sensitive
    await ctx.log({ entity: 'case', entityId: id, action: 'open_by_rule', after: { type: 'child_protection' } });
  }
}
