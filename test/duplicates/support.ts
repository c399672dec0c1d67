// Test support for dedupe: a small synthetic registry (with the truth) loaded straight into `person`.
import type pg from 'pg';
import { expect } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';
import { preparePerson, type PersonInput, type PersonRecord } from '../../src/registry/person.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateDedupeSet } from '../../src/synthetic/registries.ts';

export type Loaded = { ids: string[]; cluster: Map<string, string>; records: Map<string, PersonRecord> };

/** A synthetic person as registry input. */
export const toInput = personInputOf;

/** Inserts records (prepared like the API does) for an organisation; returns their person ids in order. */
export async function insertRecords(db: pg.Pool, orgId: string, recs: PersonRecord[]): Promise<string[]> {
  const cols = [
    'record_id',
    'given_name',
    'father_name',
    'grandfather_name',
    'family_name',
    'full_name',
    'full_name_en',
    'name_key',
    'sex',
    'date_of_birth',
    'dob_precision',
    'national_id',
    'national_id_valid',
    'phone',
    'governorate',
  ] as const;
  const get: Record<(typeof cols)[number], (r: PersonRecord) => unknown> = {
    record_id: (r) => r.recordId,
    given_name: (r) => r.givenName,
    father_name: (r) => r.fatherName,
    grandfather_name: (r) => r.grandfatherName,
    family_name: (r) => r.familyName,
    full_name: (r) => r.fullName,
    full_name_en: (r) => r.fullNameEn,
    name_key: (r) => r.nameKey,
    sex: (r) => r.sex,
    date_of_birth: (r) => r.dateOfBirth,
    dob_precision: (r) => r.dobPrecision,
    national_id: (r) => r.nationalId,
    national_id_valid: (r) => r.nationalIdValid,
    phone: (r) => r.phone,
    governorate: (r) => r.governorate,
  };
  const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'date', 'text', 'text', 'bool', 'text', 'text'];
  const ids: string[] = [];
  for (let s = 0; s < recs.length; s += 1000) {
    const chunk = recs.slice(s, s + 1000);
    const params = cols.map((c) => chunk.map((r) => get[c](r)));
    // name_tokens is text[] per row: pass as JSON and expand
    params.push(chunk.map((r) => JSON.stringify(r.nameTokens)) as never);
    const r = await db.query<{ id: string }>(
      `INSERT INTO person (org_id, ${cols.join(', ')}, name_tokens)
       SELECT $1, ${cols.map((_, k) => `t.c${k}`).join(', ')}, ARRAY(SELECT jsonb_array_elements_text(t.tok::jsonb))
       FROM unnest(${cols.map((_, k) => `$${k + 2}::${types[k]}[]`).join(', ')}, $${cols.length + 2}::text[]) WITH ORDINALITY AS t(${cols.map((_, k) => `c${k}`).join(', ')}, tok, ord)
       ORDER BY t.ord RETURNING id`,
      [orgId, ...params],
    );
    ids.push(...r.rows.map((x) => x.id));
  }
  return ids;
}

/** A synthetic registry with duplicates (generateDedupeSet), loaded for `orgId`. */
export async function loadDedupeSet(db: pg.Pool, orgId: string, records: number, seed = 7): Promise<Loaded> {
  const recs: PersonRecord[] = [];
  const clusters: string[] = [];
  for (const p of generateDedupeSet({ records, seed })) {
    const r = preparePerson(toInput(p));
    if (!r.ok) continue;
    recs.push(r.value);
    clusters.push(p.cluster);
  }
  const ids = await insertRecords(db, orgId, recs);
  return { ids, cluster: new Map(ids.map((id, k) => [id, clusters[k]!])), records: new Map(ids.map((id, k) => [id, recs[k]!])) };
}

/** A candidate pair inserted directly (for decision tests on hand-made records). */
export async function insertCandidate(db: pg.Pool, orgId: string, x: string, y: string, weight = 12): Promise<string> {
  const [a, b] = [x, y].sort();
  const r = await db.query<{ id: string }>(
    `INSERT INTO match_candidate (org_id, person_a, person_b, weight, probability, explanation) VALUES ($1,$2,$3,$4,$5,'[]') RETURNING id`,
    [orgId, a, b, weight, 1 / (1 + 2 ** -weight)],
  );
  return r.rows[0]!.id;
}

export function prepared(input: PersonInput): PersonRecord {
  const r = preparePerson(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** What the check while typing answers (the fields these tests read). */
export type CheckAnswer = { matches: { person: { id: string; sex: string }; decision: string; probability: number }[]; candidates: number };

/** POST /api/v1/duplicates/check as `user`; expects 200. */
export async function checkDraft(t: TestApp, user: TestUser, payload: object): Promise<CheckAnswer> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/duplicates/check', headers: user.auth, payload });
  expect(res.statusCode).toBe(200);
  return res.json() as CheckAnswer;
}
