// Cross-script search recall on real name pairs, shared by bench/searchRecall.bench.ts and
// test/api/persons.search.recall.test.ts: register the Arabic names of gaza-names-ar-en.dev.csv
// (split into the four parts, as an officer would enter them) among synthetic distractors, search
// each one by its published Latin transliteration through the store's search (the API's path), and
// count how often the Arabic record is in the first page (20).
//
// The names are of people killed in Gaza, published as a memorial: they are used here only to measure,
// never shown, stored in the repository or printed (the bench prints figures only).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import type { Actor } from '../src/access/actor.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { type PersonRecord, preparePerson } from '../src/registry/person.ts';
import { searchPersons } from '../src/store/registry/searchPersons.ts';
import { generatePersons } from '../src/synthetic/households.ts';
import { personInputOf } from '../src/synthetic/personInput.ts';

export const NAMES_CSV = path.resolve(import.meta.dirname, '../../shared/data/names/gaza-names-ar-en.dev.csv');
export const namesAvailable = () => fs.existsSync(NAMES_CSV);

export type NamePair = { ar: string; en: string; recordId: string };

/** Every pair of the file, or every k-th one for a sample of about `sample`. */
export function namePairs(sample?: number): NamePair[] {
  const rows = parse(fs.readFileSync(NAMES_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    name_ar: string;
    name_en: string;
  }[];
  const every = sample ? Math.max(1, Math.floor(rows.length / sample)) : 1;
  return rows
    .map((r, i) => ({ ar: r.name_ar.trim(), en: r.name_en.trim(), recordId: `names-${i}` }))
    .filter((_, i) => i % every === 0)
    .slice(0, sample ?? rows.length);
}

const PREFIX = /^(?:عبد|أبو|ابو|أبو|بو)$/;
const SUFFIX = /^(?:الله|هللا|اللة|الدين)$/;

/** A full Arabic name split into given, father, grandfather and family name (compounds kept whole). */
export function arabicParts(full: string): { givenName: string; fatherName?: string; grandfatherName?: string; familyName: string } {
  const words = full.split(/\s+/).filter((w) => w !== '');
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (PREFIX.test(w) && i + 1 < words.length) {
      parts.push(`${w} ${words[++i]}`);
      if (i + 1 < words.length && SUFFIX.test(words[i + 1]!)) parts[parts.length - 1] += ` ${words[++i]}`;
    } else if (SUFFIX.test(w) && parts.length > 0) parts[parts.length - 1] += ` ${w}`;
    else parts.push(w);
  }
  if (parts.length === 1) return { givenName: parts[0]!, familyName: parts[0]! };
  if (parts.length === 2) return { givenName: parts[0]!, familyName: parts[1]! };
  if (parts.length === 3) return { givenName: parts[0]!, fatherName: parts[1]!, familyName: parts[2]! };
  return { givenName: parts[0]!, fatherName: parts[1]!, grandfatherName: parts[2]!, familyName: parts.slice(3).join(' ') };
}

/** The records to register: the Arabic names only (no Latin name), then `distractors` synthetic persons. */
export function recallRecords(pairs: readonly NamePair[], distractors: number, seed = 20261206): PersonRecord[] {
  const out: PersonRecord[] = [];
  const governorates = [...governorateCodes];
  for (const [i, p] of pairs.entries()) {
    const r = preparePerson({ ...arabicParts(p.ar), governorate: governorates[i % governorates.length]!, recordId: p.recordId });
    if (r.ok) out.push(r.value);
  }
  for (const s of generatePersons({ households: Math.ceil(distractors / 3) + 10, seed })) {
    if (out.length >= pairs.length + distractors) break;
    const r = preparePerson(personInputOf(s));
    if (r.ok) out.push(r.value);
  }
  return out;
}

/** Writes records straight to `person` (the normalisation is registration's: preparePerson). */
export async function insertRecords(pool: pg.Pool, orgId: string, records: readonly PersonRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5000) {
    const rows = records.slice(i, i + 5000);
    const col = (f: (r: PersonRecord) => unknown) => rows.map(f);
    await pool.query(
      `INSERT INTO person (org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, name_key, name_tokens, sex, governorate)
       SELECT $1, r, g, f, gf, fam, fn, en, k, ARRAY(SELECT jsonb_array_elements_text(t)), s, gov
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[])
         AS x(r, g, f, gf, fam, fn, en, k, t, s, gov)`,
      [
        orgId,
        col((r) => r.recordId),
        col((r) => r.givenName),
        col((r) => r.fatherName),
        col((r) => r.grandfatherName),
        col((r) => r.familyName),
        col((r) => r.fullName),
        col((r) => r.fullNameEn),
        col((r) => r.nameKey),
        col((r) => JSON.stringify(r.nameTokens)),
        col((r) => r.sex),
        col((r) => r.governorate),
      ],
    );
  }
  await pool.query('VACUUM ANALYZE person');
}

export type RecallFigures = { queries: number; top1: number; top20: number; ms: number[] };

/** Searches each pair by its Latin name and finds its Arabic record's rank. */
export async function measureRecall(pool: pg.Pool, orgId: string, pairs: readonly NamePair[]): Promise<RecallFigures> {
  const ids = await pool.query<{ id: string; record_id: string }>(
    'SELECT id, record_id FROM person WHERE org_id = $1 AND record_id = ANY($2)',
    [orgId, pairs.map((p) => p.recordId)],
  );
  const idOf = new Map(ids.rows.map((r) => [r.record_id, r.id]));
  const actor: Actor = { userId: null, orgId, role: 'registration_officer', governorates: [...governorateCodes] };
  const f: RecallFigures = { queries: 0, top1: 0, top20: 0, ms: [] };
  for (const p of pairs) {
    const id = idOf.get(p.recordId);
    if (!id) continue;
    const t0 = performance.now();
    const page = await searchPersons(pool, actor, { name: p.en, limit: 20, offset: 0 });
    f.ms.push(performance.now() - t0);
    f.queries++;
    const rank = page.items.findIndex((x) => x.id === id);
    if (rank === 0) f.top1++;
    if (rank >= 0) f.top20++;
  }
  return f;
}
