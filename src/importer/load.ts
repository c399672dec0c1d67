// Loading one batch of validated rows, inside the batch's transaction: COPY into a temporary
// staging table, then set-based INSERT ... SELECT ... ON CONFLICT DO NOTHING into the registry, so
// that a row already present (same organisation and record_id) is left unchanged.
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { FieldError } from '../registry/fieldError.ts';
import { copyArray, copyField } from './copyText.ts';
import type { ValidRow } from './validate.ts';
import { timeOrderedIds } from '../store/timeOrderedIds.ts';
import { HOUSEHOLD_MAX_MEMBERS } from '../shared/limits.ts';
import { householdHasRoom } from '../registry/household.ts';

export type Kind = 'persons' | 'households';

/**
 * `n` new ids in ascending order, time-ordered (UUIDv7, src/store/timeOrderedIds.ts): each batch's
 * ids sort after every earlier batch's, so its inserts land at the right edge of each index that
 * leads with an id (person, person_org, household, household_member's) instead of on random leaf
 * pages of indexes that at millions of rows are much larger than shared buffers. Given to rows
 * already in one order (record_id), a batch also walks those indexes once, left to right.
 */
export function ascendingIds(n: number): string[] {
  return timeOrderedIds(n);
}

const STAGE = 'import_stage';

export const PERSON_COLS = `record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en,
  name_key, name_tokens, sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate`;

/** The staging table of this session (temporary: no WAL, emptied at each commit). */
export async function createStage(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
    row_number int NOT NULL, record_id text NOT NULL, given_name text, father_name text, grandfather_name text, family_name text,
    full_name text NOT NULL, full_name_en text, name_key text NOT NULL, name_tokens text[] NOT NULL, sex text, date_of_birth date,
    dob_precision text, national_id text, national_id_valid boolean, phone text, governorate text NOT NULL,
    household_record_id text, relationship text) ON COMMIT DELETE ROWS`);
}

/** A validated row ready to load: the person's columns COPY-encoded, plus what the loaders need. */
export type StagedRow = {
  rowNumber: number;
  recordId: string;
  unverifiedId: boolean;
  /** PERSON_COLS, COPY text, tab-separated, no newline. */
  fields: string;
  /** The person's governorate (households: a new household's is its head's, else its first row's). */
  governorate: string;
  householdId: string | null;
  relationship: string | null;
};

export function stagedRow(rowNumber: number, r: ValidRow): StagedRow {
  const p = r.person;
  const fields =
    copyField(p.recordId) +
    '\t' +
    copyField(p.givenName) +
    '\t' +
    copyField(p.fatherName) +
    '\t' +
    copyField(p.grandfatherName) +
    '\t' +
    copyField(p.familyName) +
    '\t' +
    copyField(p.fullName) +
    '\t' +
    copyField(p.fullNameEn) +
    '\t' +
    copyField(p.nameKey) +
    '\t' +
    copyArray(p.nameTokens) +
    '\t' +
    copyField(p.sex) +
    '\t' +
    copyField(p.dateOfBirth) +
    '\t' +
    copyField(p.dobPrecision) +
    '\t' +
    copyField(p.nationalId) +
    '\t' +
    (p.nationalIdValid === null ? '\\N' : p.nationalIdValid ? 't' : 'f') +
    '\t' +
    copyField(p.phone) +
    '\t' +
    copyField(p.governorate);
  return {
    rowNumber,
    recordId: p.recordId!,
    unverifiedId: p.nationalIdValid === false,
    fields,
    governorate: p.governorate,
    householdId: r.householdId,
    relationship: r.relationship,
  };
}

export async function copyLines<T>(client: pg.PoolClient, sql: string, rows: readonly T[], line: (r: T) => string): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(pgCopy.from(sql));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    // Large writes in few calls: slices of ~1 MB.
    let buf = '';
    for (const r of rows) {
      buf += line(r);
      if (buf.length > 1 << 20) {
        stream.write(buf);
        buf = '';
      }
    }
    stream.end(buf);
  });
}

export async function copyStage(client: pg.PoolClient, rows: readonly StagedRow[]): Promise<void> {
  await copyLines(
    client,
    `COPY ${STAGE} (row_number, ${PERSON_COLS}, household_record_id, relationship) FROM STDIN`,
    rows,
    (r) => `${r.rowNumber}\t${r.fields}\t${copyField(r.householdId)}\t${copyField(r.relationship)}\n`,
  );
}

export type LoadResult = {
  /** Rows fully loaded (persons: person created; households: membership created). */
  loaded: number;
  /** Rows already present (nothing changed). */
  unchanged: number;
  unverified: number;
  personsCreated: number;
  householdsCreated: number;
  /** JSON arrays (text) of created ids, for the change log. */
  ids: Record<string, string>;
  /** Rows refused by checks that need the database (households). */
  rejected: { rowNumber: number; errors: FieldError[] }[];
};

async function insertPersons(client: pg.PoolClient, orgId: string): Promise<{ n: number; unverified: number; ids: string }> {
  const r = await client.query<{ n: number; unverified: number; ids: string }>(
    `WITH ins AS (
       INSERT INTO person (org_id, ${PERSON_COLS})
       SELECT $1, ${PERSON_COLS} FROM ${STAGE} ORDER BY record_id
       ON CONFLICT (org_id, record_id) WHERE record_id IS NOT NULL DO NOTHING
       RETURNING id, national_id_valid)
     SELECT count(*)::int AS n, (count(*) FILTER (WHERE national_id_valid IS FALSE))::int AS unverified, coalesce(json_agg(id), '[]')::text AS ids FROM ins`,
    [orgId],
  );
  return r.rows[0]!;
}

/**
 * How a persons batch finds rows already in the registry. 'optimistic': COPY at once and let the
 * unique index on (org_id, record_id) say so (a new file: nothing to look up, which at 1,000,000
 * rows saves a look-up that grew to a quarter of a second per batch). 'checked': look the batch's
 * record_ids up first and COPY only the new rows. An import starts optimistic and turns checked
 * after its first conflict, so a file of mostly known rows fails at most one COPY.
 */
export type PersonsMode = {
  checked: boolean;
  /** The households batch checks its references set-based (src/importer/setBasedReferences.ts). */
  setBased?: boolean;
};

/**
 * Persons straight into the table with COPY (the fast path). Repeats within the batch are left out
 * first, and in checked mode the rows whose record_id is already in the organisation. Should the
 * COPY meet a record_id that is there anyway (a row of an earlier file, or one inserted by another
 * import meanwhile), the unique index fails it and the batch goes the staging way (savepoint),
 * which settles conflicts row by row; the mode turns checked.
 */
export async function loadPersonsDirect(
  client: pg.PoolClient,
  orgId: string,
  rows: readonly StagedRow[],
  mode: PersonsMode = { checked: true },
): Promise<LoadResult> {
  const skip = new Set<string>();
  if (mode.checked) {
    // One index probe per record_id, whatever the planner thinks: right after a bulk load the
    // table has no statistics yet, and it then read the whole organisation's rows for every
    // batch (a cost that grows with the registry: 0.25 s per batch at 500,000 rows).
    const planner = ['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin'];
    await client.query(planner.map((p) => `SET LOCAL ${p} = off;`).join(' '));
    const existing = await client.query<{ record_id: string }>(
      `SELECT p.record_id FROM unnest($2::text[]) AS r(record_id)
       CROSS JOIN LATERAL (SELECT record_id FROM person WHERE org_id = $1 AND record_id = r.record_id) p`,
      [orgId, rows.map((r) => r.recordId)],
    );
    await client.query(planner.map((p) => `SET LOCAL ${p} TO DEFAULT;`).join(' '));
    for (const r of existing.rows) skip.add(r.record_id);
  }
  const fresh: StagedRow[] = [];
  for (const r of rows) {
    if (skip.has(r.recordId)) continue;
    skip.add(r.recordId);
    fresh.push(r);
  }
  // Keys in one order for every writer: two imports of overlapping files then wait for each other
  // instead of deadlocking on the unique index.
  fresh.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  const ids = ascendingIds(fresh.length);
  await client.query('SAVEPOINT direct_copy');
  try {
    let i = 0;
    await copyLines(client, `COPY person (id, org_id, ${PERSON_COLS}) FROM STDIN`, fresh, (r) => `${ids[i++]}\t${orgId}\t${r.fields}\n`);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('ROLLBACK TO SAVEPOINT direct_copy');
    if (process.env.SANAD_IMPORT_TIMING) process.stderr.write('batch: a record_id is already in the registry; loading through staging\n');
    mode.checked = true;
    await copyStage(client, rows);
    return loadPersons(client, orgId, rows.length);
  }
  await client.query('RELEASE SAVEPOINT direct_copy');
  const unverified = fresh.reduce((n, r) => n + (r.unverifiedId ? 1 : 0), 0);
  return {
    loaded: fresh.length,
    unchanged: rows.length - fresh.length,
    unverified,
    personsCreated: fresh.length,
    householdsCreated: 0,
    ids: { personIds: JSON.stringify(ids) },
    rejected: [],
  };
}

export async function loadPersons(client: pg.PoolClient, orgId: string, staged: number): Promise<LoadResult> {
  const p = await insertPersons(client, orgId);
  return {
    loaded: p.n,
    unchanged: staged - p.n,
    unverified: p.unverified,
    personsCreated: p.n,
    householdsCreated: 0,
    ids: { personIds: p.ids },
    rejected: [],
  };
}

/**
 * Households: each row is a person (created from the row unless a person with the same record_id
 * exists in the organisation, which is then used as it is) who is a member of the household named
 * by household_id (created on first sight; its governorate is the head's, else the first row's).
 */
export async function loadHouseholds(
  client: pg.PoolClient,
  orgId: string,
  governorates: ReadonlySet<string>,
  validFrom: string,
  staged: number,
): Promise<LoadResult> {
  const p = await insertPersons(client, orgId);
  const h = await client.query<{ n: number; ids: string }>(
    `WITH ins AS (
       INSERT INTO household (org_id, governorate, record_id)
       SELECT $1, governorate, household_record_id FROM (
         SELECT DISTINCT ON (household_record_id) household_record_id, governorate FROM ${STAGE}
         ORDER BY household_record_id, (relationship <> 'head'), row_number) s
       ON CONFLICT (org_id, record_id) WHERE record_id IS NOT NULL DO NOTHING
       RETURNING id)
     SELECT count(*)::int AS n, coalesce(json_agg(id), '[]')::text AS ids FROM ins`,
    [orgId],
  );
  // Driven by the batch, index probes per row (LATERAL, LIMIT 1: not flattened into a join; no
  // bitmap or hash plans): right after a bulk load the planner, without statistics, otherwise read
  // every person and current membership of the organisation per batch (a hash join; a bitmap AND
  // over all current memberships for each row's member count; the partial index of current
  // memberships read whole, for each row, when its predicate matched), a cost growing with the registry:
  // 2.8 s a batch at 100,000 persons, 43 s at 30,000 under load.
  const planner = ['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin'];
  await client.query(planner.map((x) => `SET LOCAL ${x} = off;`).join(' '));
  const rows = await client.query<Resolved>(
    `SELECT s.row_number, p.id AS person_id, p.governorate AS person_governorate, h.id AS household_id, h.governorate AS household_governorate, s.relationship,
       cm.household_id AS current_household, m.has_head, m.members
     FROM ${STAGE} s
     CROSS JOIN LATERAL (SELECT id, governorate FROM person WHERE org_id = $1 AND record_id = s.record_id LIMIT 1) p
     CROSS JOIN LATERAL (SELECT id, governorate FROM household WHERE org_id = $1 AND record_id = s.household_record_id LIMIT 1) h
     LEFT JOIN LATERAL (SELECT household_id FROM household_member WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) cm ON true
     CROSS JOIN LATERAL (
       SELECT coalesce(bool_or(valid_to IS NULL AND relationship = 'head'), false) AS has_head, (count(*) FILTER (WHERE valid_to IS NULL))::int AS members
       FROM household_member WHERE household_id = h.id) m
     ORDER BY s.row_number`,
    [orgId],
  );
  await client.query(planner.map((x) => `SET LOCAL ${x} TO DEFAULT;`).join(' '));
  const { rejected, add, unchanged } = membershipRules(rows.rows, governorates);
  const m = await client.query<{ n: number; ids: string }>(
    `WITH ins AS (
       INSERT INTO household_member (household_id, person_id, relationship, valid_from)
       SELECT h, p, r, $4::date FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(h, p, r)
       RETURNING id)
     SELECT count(*)::int AS n, coalesce(json_agg(id), '[]')::text AS ids FROM ins`,
    [add.household, add.person, add.relationship, validFrom],
  );
  const resolvedRows = rows.rows.length;
  return {
    loaded: m.rows[0]!.n,
    unchanged: unchanged + (staged - resolvedRows),
    unverified: p.unverified,
    personsCreated: p.n,
    householdsCreated: h.rows[0]!.n,
    ids: { personIds: p.ids, householdIds: h.rows[0]!.ids, memberIds: m.rows[0]!.ids },
    rejected,
  };
}

/** A row resolved against the registry: its person and household, and what they already have. */
export type Resolved = {
  row_number: number;
  person_id: string;
  person_governorate: string | null;
  household_id: string;
  household_governorate: string;
  relationship: string;
  current_household: string | null;
  has_head: boolean;
  members: number;
};

export type Memberships = {
  rejected: LoadResult['rejected'];
  add: { household: string[]; person: string[]; relationship: string[] };
  unchanged: number;
};

/**
 * The membership rules of a households batch, row by row in file order (`rows` sorted by
 * row_number): a person in one household at a time, one head, at most HOUSEHOLD_MAX_MEMBERS, the
 * importer's governorates. Pure: the database's unique indexes check the same again on insert.
 */
export function membershipRules(rows: readonly Resolved[], governorates: ReadonlySet<string>): Memberships {
  const rejected: LoadResult['rejected'] = [];
  const memberOf = new Map<string, string>(); // person -> household, this batch
  const headed = new Set<string>();
  const size = new Map<string, number>(); // household -> current members, this batch included
  const add = { household: [] as string[], person: [] as string[], relationship: [] as string[] };
  let unchanged = 0;
  for (const r of rows) {
    const current = r.current_household ?? memberOf.get(r.person_id) ?? null;
    if (r.person_governorate === null || !governorates.has(r.person_governorate)) {
      rejected.push({
        rowNumber: r.row_number,
        errors: [{ field: 'record_id', reason: 'outside_record' }],
      });
    } else if (!governorates.has(r.household_governorate)) {
      // an existing household of a governorate the importer does not work in: as if it were not theirs
      rejected.push({ rowNumber: r.row_number, errors: [{ field: 'household_id', reason: 'outside_record' }] });
    } else if (current === r.household_id) {
      unchanged++;
    } else if (current !== null) {
      rejected.push({
        rowNumber: r.row_number,
        errors: [{ field: 'household_id', reason: 'member_elsewhere' }],
      });
    } else if (r.relationship === 'head' && (r.has_head || headed.has(r.household_id))) {
      rejected.push({ rowNumber: r.row_number, errors: [{ field: 'relationship', reason: 'household_has_head' }] });
    } else if (!householdHasRoom(size.get(r.household_id) ?? r.members, 1)) {
      rejected.push({
        rowNumber: r.row_number,
        errors: [{ field: 'household_id', reason: 'too_many_members', params: { max: HOUSEHOLD_MAX_MEMBERS } }],
      });
    } else {
      size.set(r.household_id, (size.get(r.household_id) ?? r.members) + 1);
      memberOf.set(r.person_id, r.household_id);
      if (r.relationship === 'head') headed.add(r.household_id);
      add.household.push(r.household_id);
      add.person.push(r.person_id);
      add.relationship.push(r.relationship);
    }
  }
  return { rejected, add, unchanged };
}
