// Membership over time. A person is in at most one household at a time (a unique index);
// leaving ends the open membership at a date, joining opens a new one from that date.
import type pg from 'pg';
import { errors } from '../../../errors.ts';
import type { MemberRef } from '../../../registry/household.ts';
import type { Relationship } from '../../../registry/vocabulary.ts';

export type Member = { personId: string; relationship: Relationship; validFrom: string; validTo: string | null };

export async function openMembership(
  client: pg.PoolClient,
  householdId: string,
  personId: string,
  relationship: Relationship,
  from: string,
): Promise<void> {
  try {
    await client.query('INSERT INTO household_member (household_id, person_id, relationship, valid_from) VALUES ($1,$2,$3,$4)', [
      householdId,
      personId,
      relationship,
      from,
    ]);
  } catch (e) {
    const c = (e as { constraint?: string }).constraint;
    if (c === 'household_member_one_current') throw errors.alreadyMember();
    if (c === 'household_one_current_head') throw errors.householdHasHead();
    throw e;
  }
}

/** Ends the person's open membership at `on`; returns the household they left, if any. */
export async function closeMembership(
  client: pg.PoolClient,
  personId: string,
  on: string,
): Promise<{ householdId: string; relationship: Relationship } | undefined> {
  const r = await client.query<{ household_id: string; relationship: Relationship; valid_from: string }>(
    'SELECT household_id, relationship, valid_from FROM household_member WHERE person_id = $1 AND valid_to IS NULL FOR UPDATE',
    [personId],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.valid_from > on) throw errors.invalidField('date', 'before_membership');
  await client.query('UPDATE household_member SET valid_to = $2 WHERE person_id = $1 AND valid_to IS NULL', [personId, on]);
  return { householdId: row.household_id, relationship: row.relationship };
}

/** Members of the household on a date (inclusive of joiners that day, exclusive of leavers). */
export async function membersOn(db: pg.Pool | pg.PoolClient, householdId: string, on: string): Promise<Member[]> {
  const r = await db.query<{ person_id: string; relationship: Relationship; valid_from: string; valid_to: string | null }>(
    `SELECT person_id, relationship, valid_from, valid_to FROM household_member
      WHERE household_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
      ORDER BY relationship <> 'head', valid_from, person_id`,
    [householdId, on],
  );
  return r.rows.map((m) => ({ personId: m.person_id, relationship: m.relationship, validFrom: m.valid_from, validTo: m.valid_to }));
}

/** The household's members now (open memberships), for the household rules. */
export async function currentMembers(db: pg.Pool | pg.PoolClient, householdId: string): Promise<MemberRef[]> {
  const r = await db.query<{ person_id: string; relationship: Relationship }>(
    'SELECT person_id, relationship FROM household_member WHERE household_id = $1 AND valid_to IS NULL',
    [householdId],
  );
  return r.rows.map((m) => ({ personId: m.person_id, relationship: m.relationship }));
}

/** How many people are current members of the household. */
export async function countCurrentMembers(db: pg.Pool | pg.PoolClient, householdId: string): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM household_member WHERE household_id = $1 AND valid_to IS NULL', [
    householdId,
  ]);
  return r.rows[0]!.n;
}

/** The household the person belongs to now, if any. */
export async function currentMembership(
  db: pg.Pool | pg.PoolClient,
  personId: string,
): Promise<{ householdId: string; relationship: Relationship; since: string } | undefined> {
  const r = await db.query<{ household_id: string; relationship: Relationship; valid_from: string }>(
    'SELECT household_id, relationship, valid_from FROM household_member WHERE person_id = $1 AND valid_to IS NULL',
    [personId],
  );
  const m = r.rows[0];
  return m ? { householdId: m.household_id, relationship: m.relationship, since: m.valid_from } : undefined;
}

/** Moves people into a household on a date: each leaves the household they are in, then joins. */
export async function moveMembers(client: pg.PoolClient, householdId: string, members: MemberRef[], on: string): Promise<void> {
  for (const m of members) {
    await closeMembership(client, m.personId, on);
    await openMembership(client, householdId, m.personId, m.relationship, on);
  }
}

/** A split or merge (or change of head) as a household event. */
export async function recordHouseholdEvent(
  client: pg.PoolClient,
  e: { kind: 'split' | 'merge' | 'head_change'; householdId: string; otherId?: string; date: string },
): Promise<void> {
  await client.query('INSERT INTO household_event (kind, household_id, other_id, event_date) VALUES ($1,$2,$3,$4)', [
    e.kind,
    e.householdId,
    e.otherId ?? null,
    e.date,
  ]);
}
