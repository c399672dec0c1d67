// One batch of a health ministry's death list, in the caller's transaction: the rows are matched
// with the registry by ID number (in the actor's scope) and name; matched rows not already brought
// by a ministry list become death reports (source health_ministry_list, an official record), whose
// confirmations and rules are settled together (src/store/lifeEvents/confirm.ts); the others are
// held in the list's quarantine with their reason. A few statements per batch, whatever its size.
import { type DeathRow, type HeldRow, matchDeathRows } from '../../lifeEvents/deathList.ts';
import type { NameParts } from '../../names/searchTokens.ts';
import { scopeSql } from '../registry/scope.ts';
import type { WriteContext } from '../write.ts';
import { logAll, settleConfirmations } from './confirm.ts';

export type BatchOutcome = { applied: number; alreadyKnown: number; held: HeldRow[] };

type Found = NameParts & { id: string; national_id: string };

export async function applyDeathRows(
  ctx: WriteContext,
  importId: string,
  rows: readonly DeathRow[],
  early: readonly HeldRow[],
  seen: Set<string>,
): Promise<BatchOutcome> {
  const scope = scopeSql('p', ctx.actor, 2);
  const f = await ctx.client.query<Found>(
    `SELECT p.id, p.national_id, p.given_name AS "givenName", p.father_name AS "fatherName", p.grandfather_name AS "grandfatherName",
            p.family_name AS "familyName", p.full_name AS "fullName", p.full_name_en AS "fullNameEn"
       FROM person p WHERE p.national_id = ANY($1::text[]) AND ${scope.sql} ORDER BY p.id FOR UPDATE`,
    [[...new Set(rows.map((r) => r.nationalId))], ...scope.params],
  );
  const found = new Map<string, Found[]>();
  for (const x of f.rows) found.set(x.national_id, [...(found.get(x.national_id) ?? []), x]);
  const { matched, held } = matchDeathRows(rows, found, seen);
  const known = await ctx.client.query<{ person_id: string }>(
    `SELECT DISTINCT person_id FROM life_event
      WHERE person_id = ANY($1::uuid[]) AND kind = 'death' AND source = 'health_ministry_list' AND withdrawn_at IS NULL`,
    [matched.map((m) => m.personId)],
  );
  const knownIds = new Set(known.rows.map((x) => x.person_id));
  const fresh = matched.filter((m) => !knownIds.has(m.personId));
  const detailOf = (m: DeathRow) => (m.listReference ? { listReference: m.listReference } : {});
  const ins = await ctx.client.query<{ id: string; person_id: string }>(
    `INSERT INTO life_event (org_id, person_id, kind, event_date, source, confidence, detail, recorded_by)
     SELECT p.org_id, u.person_id, 'death', u.day, 'health_ministry_list', 'high', u.detail, $4
       FROM unnest($1::uuid[], $2::date[], $3::jsonb[]) WITH ORDINALITY AS u(person_id, day, detail, ord) JOIN person p ON p.id = u.person_id
      ORDER BY u.ord
     RETURNING id, person_id`,
    [fresh.map((m) => m.personId), fresh.map((m) => m.date), fresh.map((m) => JSON.stringify(detailOf(m))), ctx.actor.userId],
  );
  const eventOf = new Map(ins.rows.map((x) => [x.person_id, x.id]));
  await logAll(
    ctx,
    fresh.map((m) => ({
      entity: 'life_event',
      entityId: eventOf.get(m.personId)!,
      action: 'report',
      after: {
        personId: m.personId,
        kind: 'death',
        date: m.date,
        source: 'health_ministry_list',
        confidence: 'high',
        detail: detailOf(m),
        note: null,
        deathList: importId,
      },
    })),
  );
  await settleConfirmations(
    ctx,
    fresh.map((m) => ({ personId: m.personId, kind: 'death' as const, eventId: eventOf.get(m.personId)! })),
  );
  const allHeld = [...early, ...held];
  await holdRows(ctx, importId, allHeld);
  await ctx.client.query(
    'UPDATE death_list_held SET resolved_at = now() WHERE import_id = $1 AND row_number = ANY($2::int[]) AND resolved_at IS NULL',
    [importId, matched.map((m) => m.rowNumber)],
  );
  return { applied: fresh.length, alreadyKnown: matched.length - fresh.length, held: allHeld };
}

/** Held rows into the list's quarantine (a row held again keeps one entry, with its latest reason). */
async function holdRows(ctx: WriteContext, importId: string, held: readonly HeldRow[]): Promise<void> {
  if (held.length === 0) return;
  await ctx.client.query(
    `INSERT INTO death_list_held (import_id, row_number, reason, person_id, raw)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::uuid[], $5::jsonb[])
     ON CONFLICT (import_id, row_number) DO UPDATE
       SET reason = EXCLUDED.reason, person_id = EXCLUDED.person_id, raw = EXCLUDED.raw, resolved_at = NULL`,
    [
      importId,
      held.map((h) => h.rowNumber),
      held.map((h) => h.reason),
      held.map((h) => h.personId ?? null),
      held.map((h) => JSON.stringify(h.raw)),
    ],
  );
}
