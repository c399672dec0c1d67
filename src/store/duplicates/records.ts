// Person rows as the linkage engine's input records, and a keyset-paginated stream of the persons
// in an actor's scope.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { RawRecord } from '../../linkage/fields.ts';
import { scopeSql } from '../registry/scope.ts';
import type { PersonRow } from '../registry/personRow.ts';

export const RAW_COLUMNS = `id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, sex,
  date_of_birth, dob_precision, national_id, phone, governorate`;

export type RawPersonRow = Pick<
  PersonRow,
  | 'id'
  | 'given_name'
  | 'father_name'
  | 'grandfather_name'
  | 'family_name'
  | 'full_name'
  | 'full_name_en'
  | 'sex'
  | 'date_of_birth'
  | 'dob_precision'
  | 'national_id'
  | 'phone'
> & { governorate: string | null };

/** The date as precise as it was recorded: YYYY-MM-DD, YYYY-MM or YYYY. */
export function dobText(date: string | null | undefined, precision: string | null | undefined): string | undefined {
  if (!date) return undefined;
  if (precision === 'month') return date.slice(0, 7);
  if (precision === 'year' || precision === 'estimated') return date.slice(0, 4);
  return date.slice(0, 10);
}

const opt = (v: string | null | undefined): string | undefined => (v === null || v === undefined || v === '' ? undefined : v);

export function rawRecord(r: RawPersonRow): RawRecord {
  return {
    record_id: r.id,
    given_name: opt(r.given_name),
    father_name: opt(r.father_name),
    grandfather_name: opt(r.grandfather_name),
    family_name: opt(r.family_name),
    full_name: opt(r.full_name),
    full_name_en: opt(r.full_name_en),
    sex: opt(r.sex),
    date_of_birth: dobText(r.date_of_birth, r.dob_precision),
    national_id: opt(r.national_id),
    phone: opt(r.phone),
    governorate: opt(r.governorate),
  };
}

export async function countInScope(db: pg.Pool, actor: Actor): Promise<number> {
  const s = scopeSql('p', actor, 1);
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${s.sql}`, s.params);
  return r.rows[0]!.n;
}

/** The persons in the actor's scope in id order, `batch` rows per query (keyset pagination). */
export async function* personsInScope(
  db: pg.Pool,
  actor: Actor,
  opts: { batch?: number; limit?: number } = {},
): AsyncGenerator<RawPersonRow[]> {
  const s = scopeSql('p', actor, 1);
  const batch = opts.batch ?? 10_000;
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  let after: string | null = null;
  let n = 0;
  while (n < limit) {
    const size = Math.min(batch, limit - n);
    const r: pg.QueryResult<RawPersonRow> = await db.query<RawPersonRow>(
      `SELECT ${RAW_COLUMNS} FROM person p WHERE ${s.sql} ${after ? 'AND p.id > $4' : ''} ORDER BY p.id LIMIT $3`,
      [...s.params, size, ...(after ? [after] : [])],
    );
    if (r.rows.length === 0) return;
    n += r.rows.length;
    after = r.rows[r.rows.length - 1]!.id;
    yield r.rows;
    if (r.rows.length < size) return;
  }
}
