// Synthetic Arabic-pattern registries for the linkage benchmarks: families (siblings share father,
// grandfather and family names), national IDs with a valid check digit, and duplicate
// registrations carrying the errors field registration makes (hamza and ta marbuta variants,
// missing grandfather, Latin transliterations, year-only and 01-01 dates, swapped day and month,
// mistyped IDs, displacement to another governorate). Name lists come from src/synthetic/names.ts,
// the ID check digit from src/registry.
//
// This generator keeps its own random stream (mulberry32 and a cumulative weighted pick) rather than
// src/synthetic's Rng and AliasTable: the linkage figures in docs/benchmarks.md and the data-dependent
// checks of test/linkage (blocking.test.ts expects oversized blocks for seed 3) were made with this
// exact stream, and another generator draws other registries. src/synthetic's generateDedupeSet and
// generateRegistryPair are the population-shaped generators (households, twins, cousins) used by
// bench:dedupe and the tests of sanad dedupe.
import { femaleGivenNames, familyNames, maleGivenNames, type NameEntry } from '../../src/synthetic/names.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';

class Rand {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.next() * a.length)]!;
  }
}

class Weighted {
  private cum: Float64Array;
  constructor(
    readonly items: readonly NameEntry[],
    skew = 1,
  ) {
    this.cum = new Float64Array(items.length);
    let s = 0;
    items.forEach((e, i) => (this.cum[i] = s += e.weight ** skew));
  }
  pick(r: Rand): NameEntry {
    const x = r.next() * this.cum[this.cum.length - 1]!;
    let lo = 0,
      hi = this.cum.length - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.cum[m]! < x) lo = m + 1;
      else hi = m;
    }
    return this.items[lo]!;
  }
}

const MALE = new Weighted(maleGivenNames);
const FEMALE = new Weighted(femaleGivenNames);
const FAMILY = new Weighted(familyNames, 0.5);
const GOVS = ['North Gaza', 'Gaza', 'Deir al-Balah', 'Khan Younis', 'Rafah'];

interface Person {
  truth: number;
  sex: 'm' | 'f';
  given: NameEntry;
  father: NameEntry;
  grandfather: NameEntry;
  family: NameEntry;
  y: number;
  m: number;
  d: number;
  id: string;
  phone: string;
  gov: string;
  household: string;
}

/** Family by family, the people of a synthetic population. */
export function* people(count: number, seed: number): Generator<Person> {
  const r = new Rand(seed);
  let made = 0,
    hh = 0;
  while (made < count) {
    const family = FAMILY.pick(r);
    const grandfather = MALE.pick(r);
    const father = MALE.pick(r);
    const gov = r.pick(GOVS);
    const phone = `059${String(r.int(0, 9999999)).padStart(7, '0')}`;
    const household = `H${++hh}`;
    const fy = r.int(1950, 1990);
    const base = (sex: 'm' | 'f', given: NameEntry, fa: NameEntry, gf: NameEntry, y: number): Person => {
      const d8 = String(r.int(4000000, 99999999)).padStart(8, '0');
      return {
        truth: made++,
        sex,
        given,
        father: fa,
        grandfather: gf,
        family,
        y,
        m: r.int(1, 12),
        d: r.int(1, 28),
        id: d8 + nationalIdCheckDigit(d8),
        phone,
        gov,
        household,
      };
    };
    // the father: his father is the children's grandfather
    yield base('m', father, grandfather, MALE.pick(r), fy);
    const kids = r.int(0, 6);
    const used = new Set<string>();
    for (let k = 0; k < kids && made < count; k++) {
      const sex = r.next() < 0.5 ? 'm' : 'f';
      let g = (sex === 'm' ? MALE : FEMALE).pick(r);
      for (let t = 0; t < 5 && used.has(g.ar); t++) g = (sex === 'm' ? MALE : FEMALE).pick(r);
      used.add(g.ar);
      yield base(sex, g, father, grandfather, Math.min(2023, fy + r.int(18, 40)));
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function arabicVariant(r: Rand, s: string): string {
  const x = r.next();
  if (x < 0.3 && /^[أإآ]/.test(s)) return `ا${s.slice(1)}`;
  if (x < 0.45 && s.startsWith('ا') && s.length > 2 && !s.startsWith('ال')) return `أ${s.slice(1)}`;
  if (x < 0.6 && s.endsWith('ة')) return `${s.slice(0, -1)}ه`;
  if (x < 0.7 && s.endsWith('ى')) return `${s.slice(0, -1)}ي`;
  if (x < 0.8 && s.startsWith('ال')) return s.slice(2);
  if (x < 0.9 && s.includes(' ')) return s.replace(' ', '');
  if (x < 0.97 && s.length > 3) {
    const i = r.int(1, s.length - 2); // one typo: a letter dropped
    return s.slice(0, i) + s.slice(i + 1);
  }
  return s;
}

export interface RecordOptions {
  /** probability of errors (0 = a clean copy) */
  noise: number;
  /** probability that the record carries only a Latin transliteration */
  latin: number;
}

/** One registration of a person, with errors. */
export function registration(p: Person, r: Rand, o: RecordOptions, recordId: string): RawRecord {
  const e = (pr: number) => r.next() < pr * o.noise;
  const latin = r.next() < o.latin;
  const name = (n: NameEntry) => (latin ? r.pick(n.en) : e(0.5) ? arabicVariant(r, n.ar) : n.ar);
  const y = p.y,
    m = p.m,
    d = p.d;
  let dob = `${y}-${pad(m)}-${pad(d)}`;
  const x = r.next();
  if (x < 0.08 * o.noise) dob = String(y);
  else if (x < 0.13 * o.noise) dob = `${y}-01-01`;
  else if (x < 0.18 * o.noise && d <= 12) dob = `${y}-${pad(d)}-${pad(m)}`;
  else if (x < 0.22 * o.noise) dob = `${y + (r.next() < 0.5 ? 1 : -1)}-${pad(m)}-${pad(d)}`;
  else if (x < 0.26 * o.noise) dob = '';
  let id = p.id;
  const xi = r.next();
  if (xi < 0.05 * o.noise) {
    const i = r.int(0, 8);
    id = id.slice(0, i) + String((+id[i]! + r.int(1, 9)) % 10) + id.slice(i + 1);
  } else if (xi < 0.08 * o.noise) {
    const i = r.int(0, 7);
    id = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
  } else if (xi < 0.25 * o.noise) id = '';
  const rec: RawRecord = {
    record_id: recordId,
    sex: e(0.05) ? '' : p.sex,
    date_of_birth: dob,
    national_id: id,
    phone: e(0.4) ? '' : e(0.15) ? `059${String(r.int(0, 9999999)).padStart(7, '0')}` : p.phone,
    governorate: e(0.3) ? r.pick(GOVS) : p.gov,
    household_id: p.household,
  };
  const gf = e(0.3) ? '' : name(p.grandfather);
  if (latin) rec.full_name_en = [name(p.given), name(p.father), gf, name(p.family)].filter(Boolean).join(' ');
  else {
    rec.given_name = name(p.given);
    rec.father_name = name(p.father);
    rec.grandfather_name = gf;
    rec.family_name = name(p.family);
  }
  return rec;
}

export interface Generated {
  rows: RawRecord[];
  truth: number[];
}

/** A registry to deduplicate: every person once, `dupRate` of them registered again with errors. */
export function* dedupeRegistry(count: number, dupRate: number, seed: number, latin = 0.1): Generator<{ rec: RawRecord; truth: number }> {
  const r = new Rand(seed ^ 0x5bd1e995);
  let k = 0;
  for (const p of people(count, seed)) {
    yield { rec: registration(p, r, { noise: 0.2, latin: 0 }, `R${++k}`), truth: p.truth };
    if (r.next() < dupRate) yield { rec: registration(p, r, { noise: 1, latin }, `R${++k}`), truth: p.truth };
  }
}

/** Two registries: A (Arabic, official) and B (field registrations of a share of A's people, some in Latin letters, plus people not in A). */
export function twoRegistries(count: number, overlap: number, seed: number, latin = 0.3): { a: Generated; b: Generated } {
  const r = new Rand(seed ^ 0x1234567);
  const a: Generated = { rows: [], truth: [] },
    b: Generated = { rows: [], truth: [] };
  let k = 0;
  for (const p of people(count, seed)) {
    const inA = r.next() < 0.85;
    if (inA) {
      a.rows.push(registration(p, r, { noise: 0.2, latin: 0 }, `A${++k}`));
      a.truth.push(p.truth);
    }
    if (!inA || r.next() < overlap) {
      b.rows.push(registration(p, r, { noise: 1, latin }, `B${++k}`));
      b.truth.push(p.truth);
    }
  }
  return { a, b };
}

/**
 * Registrations to check against a registry made by dedupeRegistry(count, _, seed): about half
 * are new registrations (with errors) of people already in it, half are people not in it.
 */
export function checkQueries(queries: number, count: number, seed: number): RawRecord[] {
  const r = new Rand(seed ^ 0x2545f491);
  const known: RawRecord[] = [];
  const q = Math.min(1, queries / 2 / count);
  for (const p of people(count, seed)) if (r.next() < q) known.push(registration(p, r, { noise: 1, latin: 0.1 }, `Q${known.length}`));
  const fresh: RawRecord[] = [];
  for (const { rec } of dedupeRegistry(queries - known.length, 0, seed + 7777)) fresh.push(rec);
  const out: RawRecord[] = [];
  for (let k = 0; k < Math.max(known.length, fresh.length); k++) {
    if (k < known.length) out.push(known[k]!);
    if (k < fresh.length) out.push(fresh[k]!);
  }
  return out.slice(0, queries);
}
