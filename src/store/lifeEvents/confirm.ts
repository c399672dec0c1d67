// After a report is recorded, corrected or withdrawn: is its kind confirmed for the person now?
// A newly confirmed event opens the tasks its rules name (src/lifeEvents/confirmation.ts); an event
// that is no longer confirmed loses its confirmation (the tasks already opened stay for a person).
import { isConfirmed, proposeNewHead, tasksOnConfirmation } from '../../lifeEvents/confirmation.ts';
import type { LifeEventKind, LifeEventSource } from '../../shared/lifeEvents.ts';
import type { Relationship } from '../../shared/vocabulary.ts';
import { openChildProtectionCases } from '../cases/openRuleCases.ts';
import type { WriteContext } from '../write.ts';

/** Days a person has to act on a task of this kind. */
const TASK_DAYS = { new_head: 7, record_vulnerability: 7 } as const;

export async function settleConfirmation(ctx: WriteContext, personId: string, kind: LifeEventKind, eventId: string): Promise<void> {
  const r = await ctx.client.query<{ kind: LifeEventKind; source: LifeEventSource; withdrawn: boolean; event_date: string | null }>(
    'SELECT kind, source, withdrawn_at IS NOT NULL AS withdrawn, event_date::text AS event_date FROM life_event WHERE person_id = $1 AND kind = $2',
    [personId, kind],
  );
  const now = isConfirmed(r.rows, kind);
  const dates = r.rows
    .filter((x) => !x.withdrawn && x.event_date !== null)
    .map((x) => x.event_date!)
    .sort();
  const was = await ctx.client.query('SELECT 1 FROM life_event_confirmation WHERE person_id = $1 AND kind = $2', [personId, kind]);
  if (now) {
    await ctx.client.query(
      `INSERT INTO life_event_confirmation (person_id, kind, effective_date) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, kind) DO UPDATE SET effective_date = EXCLUDED.effective_date`,
      [personId, kind, dates[0] ?? null],
    );
  }
  if (now && was.rowCount === 0) {
    await ctx.log({ entity: 'life_event', entityId: eventId, action: 'confirmed', after: { kind } });
    await openTasks(ctx, personId, kind, eventId);
  } else if (!now && was.rowCount === 1) {
    await ctx.client.query('DELETE FROM life_event_confirmation WHERE person_id = $1 AND kind = $2', [personId, kind]);
    await ctx.log({ entity: 'life_event', entityId: eventId, action: 'unconfirmed', after: { kind } });
  }
}

type MemberAge = { person_id: string; relationship: Relationship; age: number | null; deceased: boolean };

async function openTasks(ctx: WriteContext, personId: string, kind: LifeEventKind, eventId: string): Promise<void> {
  const m = await ctx.client.query<{ household_id: string; relationship: Relationship }>(
    'SELECT household_id, relationship FROM household_member WHERE person_id = $1 AND valid_to IS NULL',
    [personId],
  );
  const membership = m.rows[0];
  if (!membership) return;
  const members = await ctx.client.query<MemberAge>(
    `SELECT hm.person_id, hm.relationship, extract(year FROM age(current_date, p.date_of_birth))::int AS age,
            EXISTS (SELECT 1 FROM life_event_confirmation c WHERE c.person_id = hm.person_id AND c.kind = 'death') AS deceased
       FROM household_member hm JOIN person p ON p.id = hm.person_id
      WHERE hm.household_id = $1 AND hm.valid_to IS NULL`,
    [membership.household_id],
  );
  await openChildProtectionCases(
    ctx,
    kind,
    personId,
    eventId,
    members.rows.map((x) => ({ personId: x.person_id, relationship: x.relationship, ageYears: x.age, deceased: x.deceased })),
  );
  const self = members.rows.find((x) => x.person_id === personId);
  const others = members.rows.filter((x) => x.person_id !== personId);
  const detail = await confirmedDetail(ctx, personId, kind);
  const proposals = tasksOnConfirmation(kind, {
    isHead: membership.relationship === 'head',
    otherMembers: others.length,
    ageYears: self?.age ?? null,
    detail,
  });
  for (const p of proposals) {
    const proposal =
      p.kind === 'new_head'
        ? {
            newHead:
              proposeNewHead(
                others.map((x) => ({ personId: x.person_id, relationship: x.relationship, ageYears: x.age, deceased: x.deceased })),
              ) ?? null,
          }
        : { vulnerability: p.vulnerability };
    const t = await ctx.client.query<{ id: string }>(
      `INSERT INTO task (org_id, kind, household_id, person_id, life_event_id, proposal, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
       ON CONFLICT (household_id, kind, person_id, (coalesce(proposal->>'vulnerability', ''))) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [ctx.actor.orgId, p.kind, membership.household_id, personId, eventId, proposal, TASK_DAYS[p.kind]],
    );
    if (t.rows[0])
      await ctx.log({
        entity: 'task',
        entityId: t.rows[0].id,
        action: 'open',
        after: { kind: p.kind, householdId: membership.household_id },
      });
  }
}

/** The detail of the person's standing reports of a kind, merged (later reports fill what earlier ones left out). */
async function confirmedDetail(ctx: WriteContext, personId: string, kind: LifeEventKind): Promise<Record<string, unknown>> {
  const r = await ctx.client.query<{ detail: Record<string, unknown> }>(
    'SELECT detail FROM life_event WHERE person_id = $1 AND kind = $2 AND withdrawn_at IS NULL ORDER BY recorded_at',
    [personId, kind],
  );
  return Object.assign({}, ...r.rows.map((x) => x.detail));
}
