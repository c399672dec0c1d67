// Person search within the actor's scope: by national ID, by phone, or by name in either script.
// Names find candidates through normalised tokens (src/names, src/registry/personSearch.ts namePlan):
// every query word must meet one of its alternatives in person.name_tokens (GIN index), or, for
// longer names that find no one so, all but one or two words must; the candidates are then ranked in
// order-aware name similarity (rankByName). The total is exact up to COUNT_EXACT, then PostgreSQL's estimate.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type NamePlan, namePlan, rankByName } from '../../registry/personSearch.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from './personRow.ts';
import { scopeSql } from './scope.ts';

export type PersonSearchQuery = {
  name?: string | undefined;
  nationalId?: string | undefined;
  phone?: string | undefined;
  limit: number;
  offset: number;
};

/** Ranked candidates considered per name search; deeper pages are not offered. */
export const MAX_RANKED = 500;
/** Up to this many matches the total is counted; above it, it is PostgreSQL's estimate. */
export const COUNT_EXACT = 2_000;

export type PersonSearchResult = {
  items: Person[];
  more: boolean;
  /** A name search matched more people than are ranked (MAX_RANKED): the ranked ones are an arbitrary part of them. */
  crowded: boolean;
  total: number;
  totalExact: boolean;
};

export const COLUMNS = PERSON_COLUMNS.split(',')
  .map((c) => `p.${c.trim()}`)
  .join(', ');

/** What ranking reads of each candidate (the page's full rows are read after ranking). */
const NAME_COLUMNS = 'p.id, p.given_name, p.father_name, p.grandfather_name, p.family_name, p.full_name, p.full_name_en';
type NameRow = Pick<PersonRow, 'id' | 'given_name' | 'father_name' | 'grandfather_name' | 'family_name' | 'full_name' | 'full_name_en'>;
const nameParts = (r: NameRow) => ({
  id: r.id,
  givenName: r.given_name,
  fatherName: r.father_name,
  grandfatherName: r.grandfather_name,
  familyName: r.family_name,
  fullName: r.full_name,
  fullNameEn: r.full_name_en,
});

export type Where = { sql: string[]; params: unknown[] };

export function keyWhere(actor: Actor, q: PersonSearchQuery): Where {
  const scope = scopeSql('p', actor, 1);
  const w: Where = { sql: [scope.sql], params: [...scope.params] };
  if (q.nationalId !== undefined) {
    w.params.push(q.nationalId);
    w.sql.push(`p.national_id = $${w.params.length}`);
  }
  if (q.phone !== undefined) {
    w.params.push(q.phone);
    w.sql.push(`p.phone = $${w.params.length}`);
  }
  return w;
}

export async function searchPersons(db: pg.Pool, actor: Actor, q: PersonSearchQuery): Promise<PersonSearchResult> {
  const w = keyWhere(actor, q);
  if (q.name === undefined) return byKeys(db, w, q);
  const plan = namePlan(q.name);
  if (plan.groups.length === 0) return { items: [], more: false, crowded: false, total: 0, totalExact: true };
  return byName(db, w, plan, q as PersonSearchQuery & { name: string });
}

async function byKeys(db: pg.Pool, w: Where, q: PersonSearchQuery): Promise<PersonSearchResult> {
  const params = [...w.params, q.limit + 1, q.offset];
  const r = await db.query<PersonRow & { total: string }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM person p WHERE ${w.sql.join(' AND ')}
     ORDER BY p.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return keysPage(db, w, q, r.rows);
}

/**
 * A page of a lookup by keys (limit + 1 rows, each with the window's total): the total counted
 * apart only for a page past the end, where no row carries it.
 */
export async function keysPage(
  db: pg.Pool,
  w: Where,
  q: PersonSearchQuery,
  found: (PersonRow & { total: string })[],
): Promise<PersonSearchResult> {
  let total = found.length > 0 ? Number(found[0]!.total) : 0;
  if (found.length === 0 && q.offset > 0) {
    const c = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${w.sql.join(' AND ')}`, w.params);
    total = c.rows[0]!.n;
  }
  const rows = found.map(parsePersonRow);
  return { items: rows.slice(0, q.limit), more: rows.length > q.limit, crowded: false, total, totalExact: true };
}

/** SQL conditions of a name plan (parameters appended to `params`): one per group. */
function groupConditions(plan: NamePlan, params: unknown[]): string[] {
  return plan.groups.map((g) => {
    params.push(g);
    return `p.name_tokens && $${params.length}::text[]`;
  });
}

async function byName(db: pg.Pool, w: Where, plan: NamePlan, q: PersonSearchQuery & { name: string }): Promise<PersonSearchResult> {
  const params = [...w.params];
  const cond = groupConditions(plan, params);
  const base = w.sql.join(' AND ');
  const strict = await db.query<NameRow>(
    `SELECT ${NAME_COLUMNS} FROM person p WHERE ${base} AND ${cond.join(' AND ')} LIMIT ${MAX_RANKED + 1}`,
    params,
  );
  let rows = strict.rows;
  // When the whole name finds no one, all but the misses: one indexed branch per subset of the groups
  // (an OR of them would be planned as a scan of the table), each limited.
  const partial = plan.partial.map(
    (s) => `(SELECT p.id FROM person p WHERE ${base} AND ${s.map((i) => cond[i]).join(' AND ')} LIMIT ${MAX_RANKED + 1})`,
  );
  let loose = false;
  if (rows.length === 0 && partial.length > 0) {
    const more = await db.query<NameRow>(
      `SELECT ${NAME_COLUMNS} FROM person p WHERE p.id IN (${partial.join(' UNION ')}) LIMIT ${MAX_RANKED + 1}`,
      params,
    );
    rows = more.rows;
    loose = true;
  }
  const crowded = rows.length > MAX_RANKED;
  const all = loose ? plan.partial.map((s) => `(${s.map((i) => cond[i]).join(' AND ')})`).join(' OR ') : cond.join(' AND ');
  const counted = crowded
    ? await countMatches(
        db,
        loose ? `p.id IN (${partial.map(countLimit).join(' UNION ')})` : `${base} AND ${all}`,
        `${base} AND (${all})`,
        params,
      )
    : { total: rows.length, exact: true };
  const ranked = rankByName(q.name, rows.map(nameParts)).slice(0, MAX_RANKED);
  const pageIds = ranked.slice(q.offset, q.offset + q.limit).map((r) => r.id);
  const full =
    pageIds.length > 0 ? (await db.query<PersonRow>(`SELECT ${COLUMNS} FROM person p WHERE p.id = ANY($1::uuid[])`, [pageIds])).rows : [];
  const byId = new Map(full.map((r) => [r.id, parsePersonRow(r)]));
  const items = pageIds.flatMap((id) => byId.get(id) ?? []);
  return { items, more: ranked.length > q.offset + q.limit, crowded, total: counted.total, totalExact: counted.exact };
}

const countLimit = (branch: string) => branch.replace(/ LIMIT \d+\)$/, ` LIMIT ${COUNT_EXACT + 1})`);

/**
 * How many persons meet a condition: exact up to COUNT_EXACT (`where`, indexed), else the planner's
 * estimate of `estimateWhere` (the same condition as PostgreSQL estimates it), at least COUNT_EXACT.
 */
async function countMatches(
  db: pg.Pool,
  where: string,
  estimateWhere: string,
  params: unknown[],
): Promise<{ total: number; exact: boolean }> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM person p WHERE ${where} LIMIT ${COUNT_EXACT + 1}) x`,
    params,
  );
  const n = r.rows[0]!.n;
  if (n <= COUNT_EXACT) return { total: n, exact: true };
  const plan = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM person p WHERE ${estimateWhere}`,
    params,
  );
  return { total: Math.max(n, Math.round(plan.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'])), exact: false };
}
