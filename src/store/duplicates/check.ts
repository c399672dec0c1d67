// Checking a registration as it is typed: candidates come from the indexes (same national ID, same
// phone, the same given and family name; when that finds no likely match, the same given, father's
// and grandfather's names, and name tokens overlapping on given and family name; with a date of
// birth within a year when both are known), then are scored with the stored model in JS. Only
// records in the actor's scope are candidates.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { RawRecord } from '../../linkage/fields.ts';
import { weightFor } from '../../linkage/model.ts';
import { bestWeight, checkPriorWeight, scoreAgainst, type Evidence } from '../../linkage/registryScore.ts';
import { referenceModel, REGISTRY_SETTINGS, shownProbability } from '../../linkage/registryDedupe.ts';
import type { Relation } from '../../linkage/relations.ts';
import { resolveSettings } from '../../linkage/settings.ts';
import { querySearchTokens, nameKey } from '../../names/index.ts';
import { parseDateOfBirth } from '../../registry/dateOfBirth.ts';
import { parseNationalId } from '../../registry/nationalId.ts';
import { parsePhone } from '../../registry/phone.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from '../registry/personRow.ts';
import { scopeSql } from '../registry/scope.ts';
import { latestModel } from './model.ts';
import { rawRecord } from './records.ts';

export type Draft = {
  givenName?: string | undefined;
  fatherName?: string | undefined;
  grandfatherName?: string | undefined;
  familyName?: string | undefined;
  fullName?: string | undefined;
  fullNameEn?: string | undefined;
  sex?: 'female' | 'male' | undefined;
  dateOfBirth?: string | undefined;
  nationalId?: string | undefined;
  phone?: string | undefined;
  governorate?: string | undefined;
};

export type CheckMatch = {
  person: Person;
  weight: number;
  probability: number;
  /** likely_same: at or above the upper threshold without conflicting evidence; else review */
  decision: 'likely_same' | 'review';
  conflict: boolean;
  /** what the names, sexes and years say besides "maybe one person" */
  relation: Relation;
  evidence: Evidence[];
};

/** modelId: the registry's fitted model, null before the first `sanad duplicates` (then `model` is 'default'). */
export type CheckResult = { matches: CheckMatch[]; candidates: number; modelId: string | null; model: 'registry' | 'default' };

/** Candidates examined per name query. */
const PER_QUERY = 60;

const groupsOf = (s: string | undefined): string[][] => (s ? querySearchTokens(s) : []);

function draftRecord(d: Draft): { rec: RawRecord; nationalId?: string; phone?: string; year?: number } {
  const nid = d.nationalId ? parseNationalId(d.nationalId) : undefined;
  const phone = d.phone ? parsePhone(d.phone) : undefined;
  const dob = d.dateOfBirth ? parseDateOfBirth(d.dateOfBirth) : undefined;
  const dobText = dob?.ok ? d.dateOfBirth!.trim() : undefined;
  const rec: RawRecord = {
    record_id: '',
    given_name: d.givenName,
    father_name: d.fatherName,
    grandfather_name: d.grandfatherName,
    family_name: d.familyName,
    full_name: d.fullName,
    full_name_en: d.fullNameEn,
    sex: d.sex,
    date_of_birth: dobText,
    national_id: nid?.ok ? nid.value : undefined,
    phone: phone?.ok ? phone.value : undefined,
    governorate: d.governorate,
  };
  return {
    rec,
    ...(nid?.ok ? { nationalId: nid.value } : {}),
    ...(phone?.ok ? { phone: phone.value } : {}),
    ...(dob?.ok ? { year: Number(dob.value.date.slice(0, 4)) } : {}),
  };
}

const sizeCache = new WeakMap<pg.Pool, { at: number; n: number }>();

/** Registry size for the prior: the planner's estimate of person rows (no count on every keystroke). */
async function registrySize(db: pg.Pool): Promise<number> {
  const hit = sizeCache.get(db);
  if (hit && Date.now() - hit.at < 60_000) return hit.n;
  const r = await db.query<{ n: number }>("SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'person'::regclass");
  const n = r.rows[0]?.n ?? 0;
  sizeCache.set(db, { at: Date.now(), n });
  return n;
}

const rawRow = (p: Person) => ({
  id: p.id,
  given_name: p.givenName,
  father_name: p.fatherName,
  grandfather_name: p.grandfatherName,
  family_name: p.familyName,
  full_name: p.fullName,
  full_name_en: p.fullNameEn,
  sex: p.sex,
  date_of_birth: p.dateOfBirth,
  dob_precision: p.dobPrecision,
  national_id: p.nationalId,
  phone: p.phone,
  governorate: p.governorate,
});

type Stored = NonNullable<Awaited<ReturnType<typeof latestModel>>>;
type Scored = { person: Person; s: ReturnType<typeof scoreAgainst>[number] };
/** One candidate query: its UNION ALL parts and its own parameters (PostgreSQL refuses unused ones). */
type Q = { sql: string[]; params: unknown[]; tokens?: boolean };
/** What every candidate query shares: the columns, the actor's scope, the draft's year and name key. */
type QueryParts = { cols: string; scope: { sql: string; params: unknown[] }; year: number | undefined; key: string };
type Names = { given: string[][]; father: string[][]; grand: string[][]; family: string[][] };

/** The model shipped with Sanad, for a registry `sanad duplicates` has not been run on yet. */
function defaultModel(): Stored {
  const ref = referenceModel();
  return { id: '', model: ref, settings: resolveSettings(REGISTRY_SETTINGS), createdAt: '', records: ref.records };
}

export async function checkDraft(db: pg.Pool, actor: Actor, draft: Draft, opts: { limit?: number } = {}): Promise<CheckResult> {
  const fitted = await latestModel(db, actor.orgId);
  const stored = fitted ?? defaultModel();
  const which = { modelId: fitted?.id ?? null, model: fitted ? ('registry' as const) : ('default' as const) };
  const { rec, nationalId, phone, year } = draftRecord(draft);
  const parts: QueryParts = {
    cols: PERSON_COLUMNS.split(',')
      .map((c) => `p.${c.trim()}`)
      .join(', '),
    scope: scopeSql('p', actor, 1),
    year,
    key: nameKey(draft),
  };
  const names = draftNames(draft);
  const first = firstQuery(parts, names, nationalId, phone);
  // second pass (a family name spelt differently, or a spelling the key does not fold): only when
  // the first finds no likely match, as for every new person
  const second = secondQuery(parts, names);
  if (first.sql.length === 0 && second.sql.length === 0) return { matches: [], candidates: 0, ...which };

  const size = Math.max(await registrySize(db), stored.records);
  const prior = checkPriorWeight(stored.model, stored.records, size);
  const lowerW = weightFor(stored.settings.thresholds.lower),
    upperW = weightFor(stored.settings.thresholds.upper);
  // what is typed so far could not put any record at the review threshold (two names among
  // millions): nothing could be shown, so nothing is fetched
  if (bestWeight(rec, stored.model, stored.settings, prior) < lowerW) return { matches: [], candidates: 0, ...which };
  const seen = new Set<string>();
  const scored = first.sql.length > 0 ? await scoreCandidates(db, first, seen, rec, stored, prior) : [];
  if (second.sql.length > 0 && !scored.some((x) => x.s.weight >= upperW && !x.s.conflict))
    scored.push(...(await scoreCandidates(db, second, seen, rec, stored, prior)));
  return { matches: matchesOf(scored, lowerW, upperW, opts.limit ?? 10), candidates: seen.size, ...which };
}

const newQuery = (parts: QueryParts): Q => ({ sql: [], params: [...parts.scope.params] });
const param = (q: Q, v: unknown) => (q.params.push(v), `$${q.params.length}`);
const uniq = (gs: string[][]) => [...new Map(gs.map((g) => [[...g].sort().join('\u0000'), g])).values()];

/** The name parts when given, else the first and last words of the full name (and the second as the father's). */
function draftNames(draft: Draft): Names {
  const names = {
    given: groupsOf(draft.givenName),
    father: groupsOf(draft.fatherName),
    grand: groupsOf(draft.grandfatherName),
    family: groupsOf(draft.familyName),
  };
  if (names.given.length === 0 && names.family.length === 0) {
    const all = groupsOf(draft.fullName ?? draft.fullNameEn);
    if (all.length >= 2) {
      names.given = [all[0]!];
      names.family = [all[all.length - 1]!];
      if (all.length >= 3) names.father = [all[1]!];
    }
  }
  return names;
}

/** Same national ID, same phone, and the same given and family name (index person_check_key). */
function firstQuery(parts: QueryParts, names: Names, nationalId: string | undefined, phone: string | undefined): Q {
  const { cols, scope } = parts;
  const q = newQuery(parts);
  if (nationalId) q.sql.push(`(SELECT ${cols} FROM person p WHERE ${scope.sql} AND p.national_id = ${param(q, nationalId)} LIMIT 50)`);
  if (phone) q.sql.push(`(SELECT ${cols} FROM person p WHERE ${scope.sql} AND p.phone = ${param(q, phone)} LIMIT 50)`);
  if (names.given.length > 0 && names.family.length > 0) givenFamilyQuery(parts, q);
  return q;
}

/**
 * The second pass: the same given, father's and grandfather's names (index person_lineage_key,
 * migration 0060), and the name tokens of given and family name (spellings that normalising does
 * not fold, the other script, a family name without its article), at most TOKEN_ROWS rows read.
 * Three names are not looked up through the tokens: father's and grandfather's names are the
 * commonest words of the registry, whose posting lists the GIN index intersects before any row is
 * read (tens of ms at 5,500,000 for nearly every draft), and the 200 rows read would be an
 * arbitrary part of the thousands that hold them (docs/decisions/0034-lineage-key-index.md).
 */
function secondQuery(parts: QueryParts, names: Names): Q {
  const q = newQuery(parts);
  if (parts.key && names.given.length > 0 && names.father.length > 0 && names.grand.length > 0) lineageQuery(parts, q);
  if (names.given.length > 0 && names.family.length > 0) tokenQuery(parts, q, uniq([...names.given, ...names.family]));
  return q;
}

/** A date of birth within a year of the draft's (or none recorded); '' when the draft has no year. */
function yearBand(parts: QueryParts, q: Q, alias: string, useIndex: boolean): string {
  if (parts.year === undefined) return '';
  const dob = useIndex ? `${alias}.date_of_birth` : `(${alias}.date_of_birth + 0)`;
  return `AND (${alias}.date_of_birth IS NULL OR ${dob} BETWEEN ${param(q, `${parts.year - 1}-01-01`)}::date AND ${param(q, `${parts.year + 1}-12-31`)}::date)`;
}

/** Rows the token path reads per query at most before ranking (a common name pair is thousands at 5,500,000). */
const TOKEN_ROWS = 200;

/**
 * The persons whose name key begins with the draft's first word and ends with its last (given and
 * family name), within the year band, through the index person_check_key (migration 0057): every
 * such person however common the pair, a few dozen rows, the best PER_QUERY by similarity.
 */
function givenFamilyQuery(parts: QueryParts, q: Q): void {
  const { cols, scope, key } = parts;
  if (!key) return;
  const k = param(q, key);
  q.sql.push(
    `(SELECT ${cols} FROM person p WHERE ${scope.sql} AND person_check_key(p.name_key) = person_check_key(${k})
      AND split_part(p.name_key, ' ', 1) = split_part(${k}, ' ', 1) AND substring(p.name_key FROM '[^ ]*$') = substring(${k} FROM '[^ ]*$')
      ${yearBand(parts, q, 'p', true)} ORDER BY similarity(p.name_key, ${k}) DESC LIMIT ${PER_QUERY})`,
  );
}

/**
 * The persons whose name key begins with the draft's first three words (given, father's and
 * grandfather's name), within the year band, through the index person_lineage_key (migration
 * 0060): the best PER_QUERY by similarity, whatever their family name.
 */
function lineageQuery(parts: QueryParts, q: Q): void {
  const { cols, scope, key } = parts;
  const k = param(q, key);
  const word = (n: number) => `split_part(p.name_key, ' ', ${n}) = split_part(${k}, ' ', ${n})`;
  q.sql.push(
    `(SELECT ${cols} FROM person p WHERE ${scope.sql} AND person_lineage_key(p.name_key) = person_lineage_key(${k})
      AND ${word(1)} AND ${word(2)} AND ${word(3)}
      ${yearBand(parts, q, 'p', true)} ORDER BY similarity(p.name_key, ${k}) DESC LIMIT ${PER_QUERY})`,
  );
}

/**
 * Persons whose name tokens overlap every group (alternatives per word as in person search): at
 * most TOKEN_ROWS rows read through the GIN index, then the year band and the best PER_QUERY by
 * similarity. (The whole year range through person_date_of_birth is hundreds of thousands of rows
 * at 5,500,000: dearer than the rows it saves.)
 */
function tokenQuery(parts: QueryParts, q: Q, groups: string[][]): void {
  const { cols, scope, key } = parts;
  const conds = groups.map((g) => `p.name_tokens && ${param(q, g)}::text[]`).join(' AND ');
  const order = key ? `ORDER BY similarity(c.name_key, ${param(q, key)}) DESC` : '';
  const years = yearBand(parts, q, 'c', true).replace(/^AND /, 'WHERE ');
  q.sql.push(
    `(SELECT c.* FROM (SELECT ${cols} FROM person p WHERE ${scope.sql} AND ${conds} LIMIT ${TOKEN_ROWS}) c ${years} ${order} LIMIT ${PER_QUERY})`,
  );
  q.tokens = true;
}

/**
 * The candidate query. With the token path, with sequential scans off for its plan: with a LIMIT
 * on the token path the planner otherwise reads the table from the start until 200 rows match (a
 * rare pair: the whole table; 100 ms for a common one at 5,500,000), where the GIN index gives
 * them directly (the transaction begun and the setting made in one round trip). The keys, the ID
 * and the phone are equalities on btree indexes: one statement, one round trip.
 */
async function candidateRows(db: pg.Pool, q: Q): Promise<pg.QueryResult<PersonRow>> {
  if (!q.tokens) return db.query<PersonRow>(q.sql.join(' UNION ALL '), q.params);
  const client = await db.connect();
  try {
    await client.query('BEGIN READ ONLY; SET LOCAL enable_seqscan = off');
    const r = await client.query<PersonRow>(q.sql.join(' UNION ALL '), q.params);
    await client.query('COMMIT');
    return r;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Runs a candidate query and scores the persons not seen before against the draft. */
async function scoreCandidates(db: pg.Pool, q: Q, seen: Set<string>, rec: RawRecord, stored: Stored, prior: number): Promise<Scored[]> {
  const r = await candidateRows(db, q);
  const fresh: Person[] = [];
  for (const row of r.rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    fresh.push(parsePersonRow(row));
  }
  const scores = scoreAgainst(
    rec,
    fresh.map((x) => rawRecord(rawRow(x))),
    stored.model,
    stored.settings,
    { priorWeight: prior },
  );
  return scores.map((sc) => ({ person: fresh[sc.index]!, s: sc }));
}

/** The best matches at or above the lower threshold. */
function matchesOf(scored: Scored[], lowerW: number, upperW: number, limit: number): CheckMatch[] {
  return scored
    .filter((x) => x.s.weight >= lowerW)
    .sort((x, y) => y.s.weight - x.s.weight)
    .slice(0, limit)
    .map(({ person, s }) => ({
      person,
      weight: Math.round(s.weight * 100) / 100,
      // calibrated: of the pairs shown at 90%, nine in ten are one person (and the words follow it)
      probability: shownProbability(s.weight, s.conflict || s.relation !== 'none'),
      decision:
        s.weight >= upperW && shownProbability(s.weight) >= 0.9 && !s.conflict && s.relation === 'none'
          ? ('likely_same' as const)
          : ('review' as const),
      conflict: s.conflict,
      relation: s.relation,
      evidence: s.evidence.map((e) => ({ ...e, weight: Math.round(e.weight * 100) / 100 })),
    }));
}
