// After reports are recorded, corrected or withdrawn: is each one's kind confirmed for its person now?
// A newly confirmed event opens the tasks its rules name (src/lifeEvents/confirmation.ts); an event
// that is no longer confirmed loses its confirmation (the tasks already opened stay for a person).
// Set-based: one event or a ministry's list of thousands takes the same few statements.
import { type HouseholdMember, isConfirmed, proposeNewHead, type Report, tasksOnConfirmation } from '../../lifeEvents/confirmation.ts';
import type { LifeEventKind } from '../../shared/lifeEvents.ts';
import type { Relationship } from '../../shared/vocabulary.ts';
import { childrenWithoutCare } from '../../cases/childProtection.ts';
import { appendChanges, type ChangeEntry } from '../changeLog.ts';
import { openChildProtectionCases, type RuleCase } from '../cases/openRuleCases.ts';
import type { WriteContext } from '../write.ts';

/** Days a person has to act on a task of this kind. */
const TASK_DAYS = { new_head: 7, record_vulnerability: 7 } as const;

export type Settle = { personId: string; kind: LifeEventKind; eventId: string };

/** Appends entries to the change log in one statement, as `ctx.log` would one by one. */
export async function logAll(ctx: WriteContext, entries: readonly ChangeEntry[]): Promise<void> {
  await appendChanges(
    ctx.client,
    entries.map((e) => ({ ...e, actor: ctx.actor, operationId: ctx.operationId })),
  );
}

export async function settleConfirmation(ctx: WriteContext, personId: string, kind: LifeEventKind, eventId: string): Promise<void> {
  await settleConfirmations(ctx, [{ personId, kind, eventId }]);
}

const keyOf = (personId: string, kind: string) => `${personId} ${kind}`;

type ReportRow = Report & { person_id: string; event_date: string | null };

/** Settles the confirmation of each (person, kind) named (the first event named for a pair speaks for it). */
export async function settleConfirmations(ctx: WriteContext, items: readonly Settle[]): Promise<void> {
  const byKey = new Map<string, Settle>();
  for (const i of items) if (!byKey.has(keyOf(i.personId, i.kind))) byKey.set(keyOf(i.personId, i.kind), i);
  const list = [...byKey.values()];
  if (list.length === 0) return;
  const pairs = [list.map((i) => i.personId), list.map((i) => i.kind)];
  const r = await ctx.client.query<ReportRow>(
    `SELECT e.person_id, e.kind, e.source, e.withdrawn_at IS NOT NULL AS withdrawn, e.event_date::text AS event_date
       FROM life_event e JOIN unnest($1::uuid[], $2::text[]) AS u(person_id, kind) ON e.person_id = u.person_id AND e.kind = u.kind`,
    pairs,
  );
  const was = await ctx.client.query<{ person_id: string; kind: string }>(
    `SELECT c.person_id, c.kind FROM life_event_confirmation c
       JOIN unnest($1::uuid[], $2::text[]) AS u(person_id, kind) ON c.person_id = u.person_id AND c.kind = u.kind`,
    pairs,
  );
  const reports = new Map<string, ReportRow[]>();
  for (const x of r.rows) reports.set(keyOf(x.person_id, x.kind), [...(reports.get(keyOf(x.person_id, x.kind)) ?? []), x]);
  const confirmedBefore = new Set(was.rows.map((x) => keyOf(x.person_id, x.kind)));
  const confirmed: (Settle & { date: string | null })[] = [];
  const lost: Settle[] = [];
  for (const i of list) {
    const rows = reports.get(keyOf(i.personId, i.kind)) ?? [];
    const dates = rows
      .filter((x) => !x.withdrawn && x.event_date !== null)
      .map((x) => x.event_date!)
      .sort();
    if (isConfirmed(rows, i.kind)) confirmed.push({ ...i, date: dates[0] ?? null });
    else if (confirmedBefore.has(keyOf(i.personId, i.kind))) lost.push(i);
  }
  if (confirmed.length > 0)
    await ctx.client.query(
      `INSERT INTO life_event_confirmation (person_id, kind, effective_date) SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
       ON CONFLICT (person_id, kind) DO UPDATE SET effective_date = EXCLUDED.effective_date`,
      [confirmed.map((i) => i.personId), confirmed.map((i) => i.kind), confirmed.map((i) => i.date)],
    );
  const fresh = confirmed.filter((i) => !confirmedBefore.has(keyOf(i.personId, i.kind)));
  if (fresh.length > 0) {
    await logAll(
      ctx,
      fresh.map((i) => ({ entity: 'life_event', entityId: i.eventId, action: 'confirmed', after: { kind: i.kind } })),
    );
    await openTasks(ctx, fresh);
  }
  if (lost.length > 0) {
    await ctx.client.query(
      `DELETE FROM life_event_confirmation c USING unnest($1::uuid[], $2::text[]) AS u(person_id, kind)
        WHERE c.person_id = u.person_id AND c.kind = u.kind`,
      [lost.map((i) => i.personId), lost.map((i) => i.kind)],
    );
    await logAll(
      ctx,
      lost.map((i) => ({ entity: 'life_event', entityId: i.eventId, action: 'unconfirmed', after: { kind: i.kind } })),
    );
  }
}

type MemberRow = { household_id: string; person_id: string; relationship: Relationship; age: number | null; deceased: boolean };
type TaskRow = { kind: 'new_head' | 'record_vulnerability'; householdId: string; personId: string; eventId: string; proposal: object };

/** The households of the persons named, with every current member (age, and whether confirmed dead). */
async function householdsOf(ctx: WriteContext, personIds: string[]) {
  const m = await ctx.client.query<{ person_id: string; household_id: string; relationship: Relationship }>(
    'SELECT person_id, household_id, relationship FROM household_member WHERE person_id = ANY($1::uuid[]) AND valid_to IS NULL',
    [personIds],
  );
  const membership = new Map<string, { household_id: string; relationship: Relationship }>();
  for (const x of m.rows) if (!membership.has(x.person_id)) membership.set(x.person_id, x);
  const members = await ctx.client.query<MemberRow>(
    `SELECT hm.household_id, hm.person_id, hm.relationship, extract(year FROM age(current_date, p.date_of_birth))::int AS age,
            EXISTS (SELECT 1 FROM life_event_confirmation c WHERE c.person_id = hm.person_id AND c.kind = 'death') AS deceased
       FROM household_member hm JOIN person p ON p.id = hm.person_id
      WHERE hm.household_id = ANY($1::uuid[]) AND hm.valid_to IS NULL`,
    [[...new Set([...membership.values()].map((x) => x.household_id))]],
  );
  const byHousehold = new Map<string, MemberRow[]>();
  for (const x of members.rows) byHousehold.set(x.household_id, [...(byHousehold.get(x.household_id) ?? []), x]);
  return { membership, byHousehold };
}

const asMember = (x: MemberRow): HouseholdMember => ({
  personId: x.person_id,
  relationship: x.relationship,
  ageYears: x.age,
  deceased: x.deceased,
});

async function openTasks(ctx: WriteContext, items: readonly Settle[]): Promise<void> {
  const { membership, byHousehold } = await householdsOf(
    ctx,
    items.map((i) => i.personId),
  );
  const details = await confirmedDetails(ctx, items);
  const cases: RuleCase[] = [];
  const tasks: TaskRow[] = [];
  for (const i of items) {
    const own = membership.get(i.personId);
    if (!own) continue;
    const members = byHousehold.get(own.household_id) ?? [];
    for (const c of childrenWithoutCare(i.kind, i.personId, members.map(asMember)))
      cases.push({ childId: c.personId, eventId: i.eventId, reason: c.reason });
    const self = members.find((x) => x.person_id === i.personId);
    const others = members.filter((x) => x.person_id !== i.personId);
    const proposals = tasksOnConfirmation(i.kind, {
      isHead: own.relationship === 'head',
      otherMembers: others.length,
      ageYears: self?.age ?? null,
      detail: details.get(keyOf(i.personId, i.kind)) ?? {},
    });
    for (const p of proposals)
      tasks.push({
        kind: p.kind,
        householdId: own.household_id,
        personId: i.personId,
        eventId: i.eventId,
        proposal: p.kind === 'new_head' ? { newHead: proposeNewHead(others.map(asMember)) ?? null } : { vulnerability: p.vulnerability },
      });
  }
  await openChildProtectionCases(ctx, cases);
  await insertTasks(ctx, tasks);
}

async function insertTasks(ctx: WriteContext, tasks: readonly TaskRow[]): Promise<void> {
  if (tasks.length === 0) return;
  const t = await ctx.client.query<{ id: string; kind: string; household_id: string; ord: string }>(
    `WITH u AS (SELECT * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::jsonb[], $7::int[])
                  WITH ORDINALITY AS u(kind, household_id, person_id, life_event_id, proposal, days, ord)),
          ins AS (INSERT INTO task (org_id, kind, household_id, person_id, life_event_id, proposal, due_at)
                  SELECT $1, kind, household_id, person_id, life_event_id, proposal, now() + make_interval(days => days) FROM u ORDER BY ord
                  ON CONFLICT (household_id, kind, person_id, (coalesce(proposal->>'vulnerability', ''))) WHERE status = 'open' DO NOTHING
                  RETURNING id, kind, household_id, person_id, life_event_id)
     SELECT ins.id, ins.kind, ins.household_id, min(u.ord)::text AS ord FROM ins
       JOIN u ON u.kind = ins.kind AND u.household_id = ins.household_id AND u.person_id = ins.person_id AND u.life_event_id = ins.life_event_id
      GROUP BY ins.id, ins.kind, ins.household_id ORDER BY min(u.ord)`,
    [
      ctx.actor.orgId,
      tasks.map((x) => x.kind),
      tasks.map((x) => x.householdId),
      tasks.map((x) => x.personId),
      tasks.map((x) => x.eventId),
      tasks.map((x) => JSON.stringify(x.proposal)),
      tasks.map((x) => TASK_DAYS[x.kind]),
    ],
  );
  await logAll(
    ctx,
    t.rows.map((x) => ({ entity: 'task', entityId: x.id, action: 'open', after: { kind: x.kind, householdId: x.household_id } })),
  );
}

/** The detail of each person's standing reports of a kind, merged (later reports fill what earlier ones left out). */
async function confirmedDetails(ctx: WriteContext, items: readonly Settle[]): Promise<Map<string, Record<string, unknown>>> {
  const r = await ctx.client.query<{ person_id: string; kind: string; detail: Record<string, unknown> }>(
    `SELECT e.person_id, e.kind, e.detail FROM life_event e
       JOIN unnest($1::uuid[], $2::text[]) AS u(person_id, kind) ON e.person_id = u.person_id AND e.kind = u.kind
      WHERE e.withdrawn_at IS NULL ORDER BY e.recorded_at, e.id`,
    [items.map((i) => i.personId), items.map((i) => i.kind)],
  );
  const out = new Map<string, Record<string, unknown>>();
  for (const x of r.rows) out.set(keyOf(x.person_id, x.kind), { ...(out.get(keyOf(x.person_id, x.kind)) ?? {}), ...x.detail });
  return out;
}
