// Households, the fast path (issue #14): each table written once per batch, set-based, without a
// staging table. Persons are COPYed straight into person (ids made here), households inserted from
// one unnest (ON CONFLICT DO NOTHING: a household may span batches or files), memberships COPYed
// after the pure membership rules (membershipRules) have run over the batch in file order. What the
// rules need from the registry is read once per batch and only for what may exist already: the
// households the insert did not create (one index probe each), and, once the import has met a known
// person, the batch's persons already there. A brand-new person has no membership, a brand-new
// household no member. The database still checks everything on insert (unique record_ids, one
// current household per person, one current head, foreign keys); a conflict it finds that the
// reads did not (another writer meanwhile) sends the batch the staging way, which settles it row
// by row (loadHouseholds).
import type pg from 'pg';
import { copyField } from './copyText.ts';
import {
  ascendingIds,
  copyLines,
  copyStage,
  loadHouseholds,
  membershipRules,
  PERSON_COLS,
  type LoadResult,
  type PersonsMode,
  type Resolved,
  type StagedRow,
} from './load.ts';
import { checkReferences, markProfilesDirty, rowChecks } from './setBasedReferences.ts';

/**
 * Index probes per key, whatever the planner thinks: right after a bulk load the tables have no
 * statistics, and the planner then read every person or membership of the organisation per batch.
 */
async function withProbes<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  const planner = ['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin'];
  await client.query(planner.map((x) => `SET LOCAL ${x} = off;`).join(' '));
  const r = await fn();
  await client.query(planner.map((x) => `SET LOCAL ${x} TO DEFAULT;`).join(' '));
  return r;
}

type KnownPerson = { id: string; governorate: string | null; current: string | null };

/** The batch's persons already in the organisation: id, governorate, current household. */
async function knownPersons(client: pg.PoolClient, orgId: string, recordIds: string[]): Promise<Map<string, KnownPerson>> {
  const r = await withProbes(client, () =>
    client.query<{ record_id: string; id: string; governorate: string | null; current: string | null }>(
      `SELECT r.record_id, p.id, p.governorate, cm.household_id AS current
       FROM unnest($2::text[]) AS r(record_id)
       CROSS JOIN LATERAL (SELECT id, governorate FROM person WHERE org_id = $1 AND record_id = r.record_id LIMIT 1) p
       LEFT JOIN LATERAL (SELECT household_id FROM household_member WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) cm ON true`,
      [orgId, recordIds],
    ),
  );
  return new Map(r.rows.map((x) => [x.record_id, { id: x.id, governorate: x.governorate, current: x.current }]));
}

/** COPYs the new persons (their lines, in record_id order: one order for every writer); false if one was there after all. */
async function copyPersons(client: pg.PoolClient, lines: readonly string[]): Promise<boolean> {
  await client.query('SAVEPOINT direct_copy');
  try {
    await copyLines(client, `COPY person (id, org_id, ${PERSON_COLS}) FROM STDIN`, lines, (l) => l);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('ROLLBACK TO SAVEPOINT direct_copy');
    return false;
  }
  await client.query('RELEASE SAVEPOINT direct_copy');
  return true;
}

/** A batch's new persons: the first row of each record_id not known, in record_id order, their ids and COPY lines. */
export type NewPersons = { fresh: StagedRow[]; personIds: string[]; personOf: Map<string, string>; lines: string[] };

/**
 * The batch's new persons, given the persons already known. Without any known (a new file: the
 * import is optimistic) it is made before the batch's transaction, while the batch before is
 * written (src/importer/run.ts), so the backend does not wait for it.
 */
export function newPersons(orgId: string, rows: readonly StagedRow[], known: ReadonlyMap<string, unknown> = new Map()): NewPersons {
  const personOf = new Map<string, string>(); // record_id -> new person id, first row of each
  const fresh: StagedRow[] = [];
  for (const r of rows) {
    if (known.has(r.recordId) || personOf.has(r.recordId)) continue;
    personOf.set(r.recordId, '');
    fresh.push(r);
  }
  fresh.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  const personIds = ascendingIds(fresh.length);
  // ~1 MB a piece: few writes to the COPY stream
  const lines: string[] = [];
  let buf = '';
  fresh.forEach((r, i) => {
    personOf.set(r.recordId, personIds[i]!);
    buf += `${personIds[i]}\t${orgId}\t${r.fields}\n`;
    if (buf.length > 1 << 20) {
      lines.push(buf);
      buf = '';
    }
  });
  if (buf) lines.push(buf);
  return { fresh, personIds, personOf, lines };
}

type KnownHousehold = { id: string; governorate: string; hasHead: boolean; members: number };

/** A new household's governorate: its first head's in the batch, else its first row's. */
function wantedHouseholds(rows: readonly StagedRow[]): Map<string, string> {
  const want = new Map<string, string>();
  const headed = new Set<string>();
  for (const r of rows) {
    const h = r.householdId!;
    if (!want.has(h)) want.set(h, r.governorate);
    if (r.relationship === 'head' && !headed.has(h)) {
      headed.add(h);
      want.set(h, r.governorate);
    }
  }
  return want;
}

/** Creates the batch's households that are new; reads the others (id, governorate, head, members). */
async function households(
  client: pg.PoolClient,
  orgId: string,
  rows: readonly StagedRow[],
): Promise<{ byRecord: Map<string, KnownHousehold>; created: string[] }> {
  const want = wantedHouseholds(rows);
  const keys = [...want.keys()].sort();
  const ids = ascendingIds(keys.length);
  const ins = await client.query<{ record_id: string }>(
    `INSERT INTO household (id, org_id, governorate, record_id)
     SELECT t.i, $1, t.g, t.r FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(i, g, r) ORDER BY t.r
     ON CONFLICT (org_id, record_id) WHERE record_id IS NOT NULL DO NOTHING
     RETURNING record_id`,
    [orgId, ids, keys.map((k) => want.get(k)!), keys],
  );
  const made = new Set(ins.rows.map((x) => x.record_id));
  const byRecord = new Map<string, KnownHousehold>();
  const created: string[] = [];
  const others: string[] = [];
  keys.forEach((k, i) => {
    if (!made.has(k)) others.push(k);
    else {
      created.push(ids[i]!);
      byRecord.set(k, { id: ids[i]!, governorate: want.get(k)!, hasHead: false, members: 0 });
    }
  });
  if (others.length > 0) {
    const r = await withProbes(client, () =>
      client.query<{ record_id: string; id: string; governorate: string; has_head: boolean; members: number }>(
        `SELECT w.record_id, h.id, h.governorate, m.has_head, m.members
         FROM unnest($2::text[]) AS w(record_id)
         CROSS JOIN LATERAL (SELECT id, governorate FROM household WHERE org_id = $1 AND record_id = w.record_id LIMIT 1) h
         CROSS JOIN LATERAL (
           SELECT coalesce(bool_or(valid_to IS NULL AND relationship = 'head'), false) AS has_head,
                  (count(*) FILTER (WHERE valid_to IS NULL))::int AS members
           FROM household_member WHERE household_id = h.id) m`,
        [orgId, others],
      ),
    );
    for (const x of r.rows) byRecord.set(x.record_id, { id: x.id, governorate: x.governorate, hasHead: x.has_head, members: x.members });
  }
  return { byRecord, created };
}

/**
 * Loads one households batch (validated rows in file order) inside the batch's transaction.
 * `mode` as for persons: optimistic until the import meets a record_id already in the registry.
 */
export async function loadHouseholdsDirect(
  client: pg.PoolClient,
  orgId: string,
  governorates: ReadonlySet<string>,
  validFrom: string,
  rows: readonly StagedRow[],
  mode: PersonsMode,
  ahead?: NewPersons,
): Promise<LoadResult> {
  const known = mode.checked
    ? await knownPersons(client, orgId, [...new Set(rows.map((r) => r.recordId))])
    : new Map<string, KnownPerson>();
  const { fresh, personIds, personOf, lines } = !mode.checked && ahead ? ahead : newPersons(orgId, rows, known);
  // set-based reference checks: the row checks off for the batch's three inserts (checked below)
  const setBased = mode.setBased === true;
  if (setBased) await rowChecks(client, false);
  const copied = await copyPersons(client, lines);
  if (!copied) {
    if (setBased) await rowChecks(client, true);
    if (!mode.checked) {
      mode.checked = true;
      return loadHouseholdsDirect(client, orgId, governorates, validFrom, rows, mode);
    }
    await copyStage(client, rows);
    return loadHouseholds(client, orgId, governorates, validFrom, rows.length);
  }
  const hh = await households(client, orgId, rows);
  const resolved: Resolved[] = [];
  for (const r of rows) {
    const p = known.get(r.recordId);
    const h = hh.byRecord.get(r.householdId!);
    if (!h) continue; // not created and not found (removed meanwhile): left as it is, as the staging way does
    resolved.push({
      row_number: r.rowNumber,
      person_id: p ? p.id : personOf.get(r.recordId)!,
      person_governorate: p ? p.governorate : r.governorate,
      household_id: h.id,
      household_governorate: h.governorate,
      relationship: r.relationship!,
      current_household: p ? p.current : null,
      has_head: h.hasHead,
      members: h.members,
    });
  }
  const { rejected, add, unchanged } = membershipRules(resolved, governorates);
  // in person order (one order for every writer on the unique index of current memberships)
  const order = add.person
    .map((_, i) => i)
    .sort((a, b) => (add.person[a]! < add.person[b]! ? -1 : add.person[a]! > add.person[b]! ? 1 : 0));
  const memberIds = ascendingIds(order.length);
  await copyLines(
    client,
    'COPY household_member (id, household_id, person_id, relationship, valid_from) FROM STDIN',
    order.map(
      (j, i) => `${memberIds[i]}\t${add.household[j]}\t${add.person[j]}\t${copyField(add.relationship[j])}\t${copyField(validFrom)}\n`,
    ),
    (line) => line,
  );
  if (setBased) {
    await rowChecks(client, true);
    // rows this transaction created need no lock: no other transaction sees them before it commits
    const freshIds = new Set(personIds);
    const created = new Set(hh.created);
    const governorates = fresh.map((r) => r.governorate);
    for (const h of hh.byRecord.values()) if (created.has(h.id)) governorates.push(h.governorate);
    await checkReferences(client, {
      orgId,
      governorates,
      persons: add.person.filter((p) => !freshIds.has(p)),
      households: add.household.filter((h) => !created.has(h)),
    });
    await markProfilesDirty(client, [...hh.created, ...add.household]);
  }
  return {
    loaded: memberIds.length,
    unchanged: unchanged + (rows.length - resolved.length),
    unverified: fresh.reduce((n, r) => n + (r.unverifiedId ? 1 : 0), 0),
    personsCreated: fresh.length,
    householdsCreated: hh.created.length,
    ids: { personIds: JSON.stringify(personIds), householdIds: JSON.stringify(hh.created), memberIds: JSON.stringify(memberIds) },
    rejected,
  };
}
