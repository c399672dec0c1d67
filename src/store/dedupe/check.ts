// Checking a registration as it is typed: candidates come from the indexes (same national ID, same
// phone, name tokens overlapping on given and family name or on given, father and grandfather
// name, with a date of birth within a year when both are known), then are scored with the stored
// model in JS. Only records in the actor's scope are candidates.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { RawRecord } from '../../linkage/fields.ts';
import { weightFor } from '../../linkage/model.ts';
import { checkPriorWeight, scoreAgainst, type Evidence } from '../../linkage/registryScore.ts';
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
  evidence: Evidence[];
};

export type CheckResult = { matches: CheckMatch[]; candidates: number; modelId: string | null };

/** Candidates examined per name query. */
const PER_QUERY = 200;

const groupsOf = (s: string | undefined): string[][] => (s ? querySearchTokens(s) : []);

function draftRecord(d: Draft): { rec: RawRecord; nationalId?: string; phone?: string; year?: number } {
  const nid = d.nationalId ? parseNationalId(d.nationalId) : undefined;
  const phone = d.phone ? parsePhone(d.phone) : undefined;
  const dob = d.dateOfBirth ? parseDateOfBirth(d.dateOfBirth) : undefined;
  const dobText = dob?.ok ? d.dateOfBirth!.trim() : undefined;
  const rec: RawRecord = {
    record_id: '', given_name: d.givenName, father_name: d.fatherName, grandfather_name: d.grandfatherName, family_name: d.familyName,
    full_name: d.fullName, full_name_en: d.fullNameEn, sex: d.sex, date_of_birth: dobText,
    national_id: nid?.ok ? nid.value : undefined, phone: phone?.ok ? phone.value : undefined, governorate: d.governorate,
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

export async function checkDraft(db: pg.Pool, actor: Actor, draft: Draft, opts: { limit?: number } = {}): Promise<CheckResult> {
  const stored = await latestModel(db, actor.orgId);
  if (!stored) return { matches: [], candidates: 0, modelId: null };
  const { rec, nationalId, phone, year } = draftRecord(draft);
  const scope = scopeSql('p', actor, 1);
  const params: unknown[] = [...scope.params];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const cols = PERSON_COLUMNS.split(',').map((c) => `p.${c.trim()}`).join(', ');
  const parts: string[] = [];
  if (nationalId) parts.push(`(SELECT ${cols} FROM person p WHERE ${scope.sql} AND p.national_id = ${p(nationalId)} LIMIT 50)`);
  if (phone) parts.push(`(SELECT ${cols} FROM person p WHERE ${scope.sql} AND p.phone = ${p(phone)} LIMIT 50)`);

  // names: the parts when given, else the first and last words of the full name
  let given = groupsOf(draft.givenName), father = groupsOf(draft.fatherName), grand = groupsOf(draft.grandfatherName), family = groupsOf(draft.familyName);
  if (given.length === 0 && family.length === 0) {
    const all = groupsOf(draft.fullName ?? draft.fullNameEn);
    if (all.length >= 2) {
      given = [all[0]!];
      family = [all[all.length - 1]!];
      if (all.length >= 3) father = [all[1]!];
    }
  }
  const key = nameKey({ givenName: draft.givenName, fatherName: draft.fatherName, grandfatherName: draft.grandfatherName, familyName: draft.familyName, fullName: draft.fullName, fullNameEn: draft.fullNameEn });
  const keyParam = key ? p(key) : undefined;
  const years = year !== undefined ? `AND (p.date_of_birth IS NULL OR p.date_of_birth BETWEEN ${p(`${year - 1}-01-01`)}::date AND ${p(`${year + 1}-12-31`)}::date)` : '';
  const nameQuery = (groups: string[][]) => {
    const conds = groups.map((g) => `p.name_tokens && ${p(g)}::text[]`).join(' AND ');
    const order = keyParam ? `ORDER BY similarity(p.name_key, ${keyParam}) DESC` : '';
    return `(SELECT ${cols} FROM person p WHERE ${scope.sql} AND ${conds} ${years} ${order} LIMIT ${PER_QUERY})`;
  };
  if (given.length > 0 && family.length > 0) parts.push(nameQuery([...given, ...family]));
  if (given.length > 0 && father.length > 0 && grand.length > 0) parts.push(nameQuery([...given, ...father, ...grand]));
  if (parts.length === 0) return { matches: [], candidates: 0, modelId: stored.id };

  const r = await db.query<PersonRow>(parts.join(' UNION '), params);
  const persons = r.rows.map(parsePersonRow);
  const others = r.rows.map((row) => rawRecord({ ...row, governorate: row.governorate }));
  const size = Math.max(await registrySize(db), stored.records, persons.length);
  const scores = scoreAgainst(rec, others, stored.model, stored.settings, { priorWeight: checkPriorWeight(stored.model, stored.records, size) });
  const lowerW = weightFor(stored.settings.thresholds.lower), upperW = weightFor(stored.settings.thresholds.upper);
  const matches = scores
    .filter((s) => s.weight >= lowerW)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, opts.limit ?? 10)
    .map((s) => ({
      person: persons[s.index]!,
      weight: Math.round(s.weight * 100) / 100,
      probability: s.probability,
      decision: s.weight >= upperW && !s.conflict ? ('likely_same' as const) : ('review' as const),
      conflict: s.conflict,
      evidence: s.evidence.map((e) => ({ ...e, weight: Math.round(e.weight * 100) / 100 })),
    }));
  return { matches, candidates: persons.length, modelId: stored.id };
}
