// Benchmark data for identity resolution, with known truth, drawn from one synthetic population
// (households.ts, so brothers, twins and cousins are there to trap careless matchers):
//  - generateRegistryPair: registry A (a clean civil-registry style list: Arabic four-part names,
//    exact dates, valid IDs) and registry B (field registrations with realistic errors, some
//    written only in Latin script), plus the pairs of record ids that are the same person;
//  - generateDedupeSet: one list where some people are registered two to four times.
// Every stream is lazy and deterministic for a seed; iterating one again re-generates it.
import { isoDate, mobilePhone, nationalIdFor } from './attributes.ts';
import * as E from './errors.ts';
import { allGovernorates } from './geography.ts';
import {
  buildHousehold,
  type HouseholdStyle,
  personKey,
  type MemberTruth,
  type SyntheticHousehold,
  type SyntheticPerson,
} from './households.ts';
import { mix32, Rng, unit } from './random.ts';

/** A synthetic record with its truth: records of the same person share `cluster`. */
export interface SyntheticRecord extends SyntheticPerson {
  cluster: string;
}

export interface RegistryPair {
  /** clean registry records */
  a: Iterable<SyntheticRecord>;
  /** field registrations with errors, in a locally shuffled order */
  b: Iterable<SyntheticRecord>;
  /** the record ids in A and B that are the same person (one pair per person in both) */
  truth: Iterable<{ a: string; b: string }>;
}

const hex8 = (x: number): string => (0x100000000 + (x >>> 0)).toString(16).slice(1);
const opaque = (prefix: string, seed: number, salt: number, n: number): string => prefix + hex8(mix32((n ^ mix32(seed ^ salt)) >>> 0));

interface Member {
  household: SyntheticHousehold;
  index: number; // household index
  person: SyntheticPerson;
  truth: MemberTruth;
  key: number;
}

/** The first `limit` persons of the population of `seed`, household by household. */
function* members(seed: number, limit: number, style?: HouseholdStyle): Generator<Member> {
  let n = 0;
  for (let index = 0; n < limit; index++) {
    const { household, truth } = buildHousehold(seed, index, style);
    for (let m = 0; m < household.members.length && n < limit; m++, n++) {
      yield { household, index, person: household.members[m] as SyntheticPerson, truth: truth[m] as MemberTruth, key: personKey(index, m) };
    }
  }
}

/** Emits the source in an order shuffled within a sliding window (constant memory). */
function* windowShuffle<T>(source: Iterable<T>, rng: Rng, window: number): Generator<T> {
  const buf: T[] = [];
  for (const x of source) {
    if (buf.length < window) {
      buf.push(x);
      continue;
    }
    const i = Math.floor(rng.next() * window);
    yield buf[i] as T;
    buf[i] = x;
  }
  rng.shuffle(buf);
  yield* buf;
}

const iterable = <T>(make: () => Generator<T>): Iterable<T> => ({ [Symbol.iterator]: make });

/** The record a clean registry holds: exact date, valid ID, Arabic only. */
function cleanRecord(seed: number, mem: Member, recordId: string, householdId: string, cluster: string): SyntheticRecord {
  const { person: p, truth: t } = mem;
  const rng = new Rng(seed, 0xa0, mem.key);
  // The old are often registered with the 1 January placeholder, even in a civil registry.
  const dob = t.birth ? (t.age >= 60 && rng.chance(0.15) ? `${t.birth.y}-01-01` : isoDate(t.birth)) : undefined;
  return record(p, recordId, householdId, cluster, {
    dateOfBirth: dob,
    dobPrecision: dob ? 'exact' : undefined,
    age: t.age,
    nationalId: nationalIdFor(seed, mem.key),
  });
}

/** A copy of a person as a record of another registry (explicit fields: one object shape, fast). */
function record(
  p: SyntheticPerson,
  recordId: string,
  householdId: string,
  cluster: string,
  dob?: Pick<SyntheticPerson, 'dateOfBirth' | 'dobPrecision' | 'age' | 'nationalId'>,
): SyntheticRecord {
  return {
    recordId,
    givenName: p.givenName,
    fatherName: p.fatherName,
    grandfatherName: p.grandfatherName,
    familyName: p.familyName,
    fullNameEn: undefined,
    sex: p.sex,
    dateOfBirth: dob ? dob.dateOfBirth : p.dateOfBirth,
    dobPrecision: dob ? dob.dobPrecision : p.dobPrecision,
    age: dob ? dob.age : p.age,
    nationalId: dob ? dob.nationalId : p.nationalId,
    phone: p.phone,
    governorate: p.governorate,
    householdId,
    relationship: p.relationship,
    cluster,
  };
}

/** A field registration of the person: the household's record with the usual slips. */
function fieldRecord(
  rng: Rng,
  mem: Member,
  recordId: string,
  householdId: string,
  cluster: string,
  crossScriptShare: number,
  errorScale = 1,
): SyntheticRecord {
  const { person: p, truth: t, household: h } = mem;
  const e = (p: number) => rng.chance(p * errorScale);
  const r = record(p, recordId, householdId, cluster);
  // Registered where the household is now; now and then under a wrong governorate.
  r.governorate = e(0.01) ? rng.pick(allGovernorates) : h.currentGovernorate;

  if (rng.chance(crossScriptShare)) {
    // Latin script only, spelt the way this clerk spells.
    const parts = [E.anyLatin(rng, t.given), E.anyLatin(rng, t.father)];
    if (!e(0.25)) parts.push(E.anyLatin(rng, t.grand));
    parts.push(E.anyLatin(rng, t.family));
    if (e(0.05)) {
      const i = rng.int(0, parts.length - 1);
      parts[i] = E.latinTypo(rng, parts[i] as string);
    }
    const en = parts.join(' ');
    r.fullNameEn = rng.chance(0.15) ? en.toUpperCase() : en;
    r.givenName = r.fatherName = r.grandfatherName = r.familyName = '';
  } else {
    const parts = [p.givenName, p.fatherName, p.grandfatherName, p.familyName];
    if (e(0.15)) parts[2] = '';
    if (e(0.2)) {
      const i = rng.int(0, 3);
      parts[i] = E.spellingVariant(rng, parts[i] as string);
    }
    if (e(0.1)) parts[3] = E.toggleArticle(parts[3] as string);
    for (let i = 0; i < 4; i++) {
      const part = parts[i] as string;
      if (part.startsWith('عبد') ? rng.chance(0.5) : part.startsWith('أبو') && rng.chance(0.3)) parts[i] = E.spacingVariant(rng, part);
    }
    if (e(0.06)) {
      let i = rng.int(0, 3);
      if (!parts[i]) i = 0;
      parts[i] = E.typo(rng, parts[i] as string);
    }
    r.givenName = parts[0] as string;
    r.fatherName = parts[1] as string;
    r.grandfatherName = parts[2] as string;
    r.familyName = parts[3] as string;
    // Some forms also carry the name in Latin script, spelt the clerk's way.
    if (rng.chance(0.2))
      r.fullNameEn = `${E.anyLatin(rng, t.given)} ${E.anyLatin(rng, t.father)} ${E.anyLatin(rng, t.grand)} ${E.anyLatin(rng, t.family)}`;
  }

  // Date of birth slips.
  const dob = r.dateOfBirth;
  const u = rng.next() / errorScale;
  if (dob && u < 0.03 && r.dobPrecision === 'exact') r.dateOfBirth = E.swapDayMonth(dob);
  else if (dob && u < 0.09) (r.dateOfBirth = dob.slice(0, 4)), (r.dobPrecision = 'year');
  else if (dob && u < 0.13) (r.dateOfBirth = `${dob.slice(0, 4)}-01-01`), (r.dobPrecision = 'exact');
  else if (dob && u < 0.17) r.dateOfBirth = E.shiftYear(rng, dob);
  else if (u < 0.2) (r.dateOfBirth = undefined), (r.dobPrecision = t.age !== undefined ? 'estimated' : undefined), (r.age = t.age);

  // ID slips.
  const id = r.nationalId;
  const v = rng.next() / errorScale;
  if (id && v < 0.03) r.nationalId = E.substituteDigit(rng, id);
  else if (id && v < 0.05) r.nationalId = E.transposeDigits(rng, id);
  else if (v < 0.13) r.nationalId = undefined;

  // Phones change hands and numbers.
  if (r.phone !== undefined) {
    const w = rng.next() / errorScale;
    if (w < 0.2) r.phone = mobilePhone(rng);
    else if (w < 0.3) r.phone = undefined;
  } else if (t.age >= 18 && e(0.1)) r.phone = mobilePhone(rng);
  return r;
}

/**
 * Two registries over one population of about `people / (1 - (1 - overlap) / 2)` persons: each
 * holds about `people` records, and `overlap` (default 0.5) of A's records are also in B.
 * `crossScriptShare` (default 0.1) of B's records are written only in Latin script.
 */
export function generateRegistryPair(opts: { people: number; seed: number; overlap?: number; crossScriptShare?: number }): RegistryPair {
  const { people, seed } = opts;
  const overlap = opts.overlap ?? 0.5;
  const cross = opts.crossScriptShare ?? 0.1;
  if (!(overlap >= 0 && overlap <= 1)) throw new RangeError('overlap must be between 0 and 1');
  // Shares of the population in both, in A only and in B only (the last two equal).
  const both = overlap / (2 - overlap);
  const onlyOne = (1 - both) / 2;
  const population = Math.ceil(people / (both + onlyOne));
  const side = (key: number): 'both' | 'a' | 'b' => {
    const u = unit(seed, 0xab, key);
    return u < both ? 'both' : u < both + onlyOne ? 'a' : 'b';
  };
  const cluster = (key: number) => opaque('P', seed, 0xc1, key);
  const idA = (key: number) => opaque('A', seed, 0xa1, key);
  const idB = (key: number) => opaque('B', seed, 0xb1, key);

  return {
    a: iterable(function* () {
      for (const mem of members(seed, population)) {
        if (side(mem.key) === 'b') continue;
        yield cleanRecord(seed, mem, idA(mem.key), opaque('HA', seed, 0xa2, mem.index), cluster(mem.key));
      }
    }),
    b: iterable(() =>
      windowShuffle(
        (function* () {
          for (const mem of members(seed, population)) {
            if (side(mem.key) === 'a') continue;
            const rng = new Rng(seed, 0xb0, mem.key);
            yield fieldRecord(rng, mem, idB(mem.key), opaque('HB', seed, 0xb2, mem.index), cluster(mem.key), cross);
          }
        })(),
        new Rng(seed, 0xb3),
        4096,
      ),
    ),
    truth: iterable(function* () {
      for (const mem of members(seed, population)) if (side(mem.key) === 'both') yield { a: idA(mem.key), b: idB(mem.key) };
    }),
  };
}

const extraCopies = (rng: Rng): number => (rng.chance(0.7) ? 1 : rng.chance(0.67) ? 2 : 3);

/**
 * One list of `records` field registrations where about `duplicateRate` (default 0.2) of the
 * people are registered again, one to three more times, with errors: most often the whole
 * household registers again elsewhere (so duplicated siblings appear side by side with their
 * look-alike brothers), sometimes one person alone. `cluster` is the truth.
 */
export function generateDedupeSet(opts: {
  records: number;
  seed: number;
  duplicateRate?: number;
  crossScriptShare?: number;
}): Iterable<SyntheticRecord> {
  const { records, seed } = opts;
  const rate = opts.duplicateRate ?? 0.2;
  const cross = opts.crossScriptShare ?? 0.05;
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('duplicateRate must be between 0 and 1');
  return iterable(() =>
    windowShuffle(
      (function* () {
        let n = 0;
        let hh: { index: number; extra: number } = { index: -1, extra: 0 };
        for (const mem of members(seed, Number.MAX_SAFE_INTEGER)) {
          if (mem.index !== hh.index) {
            const hrng = new Rng(seed, 0xd6, mem.index);
            hh = { index: mem.index, extra: hrng.chance(rate * 0.6) ? extraCopies(hrng) : 0 };
          }
          const rng = new Rng(seed, 0xd0, mem.key);
          const alone = rng.chance(rate * 0.4) ? extraCopies(rng) : 0;
          const copies = Math.min(4, 1 + hh.extra + alone);
          const cluster = opaque('C', seed, 0xd4, mem.key);
          for (let c = 0; c < copies; c++) {
            if (n++ >= records) return;
            const recordId = opaque('R', seed, 0xd1, mem.key * 4 + c);
            // The household's own registrations share a household id; a lone repeat has its own.
            const householdId = c <= hh.extra ? opaque('HD', seed, 0xd2, mem.index * 4 + c) : opaque('HD', seed, 0xd3, mem.key * 4 + c);
            // The first registration is careful; repeats are made elsewhere, in a hurry.
            yield fieldRecord(rng, mem, recordId, householdId, cluster, c === 0 ? 0 : cross, c === 0 ? 0.3 : 1);
          }
        }
      })(),
      new Rng(seed, 0xd5),
      8192,
    ),
  );
}

/** Clan-shaped households: every household's man is a son of his clan's patriarch (brothers' households share father, grandfather and family name), and most eldest sons are named after their grandfather (cousins then differ only in the father's name). */
export const CLAN_STYLE: HouseholdStyle = { clanShare: 1, namedAfterGrandfather: 0.8 };

/**
 * A registry of `persons` records shaped like clans (CLAN_STYLE), as `sanad seed` would register
 * them (Arabic name parts and a Latin full name, the household's id), where about `duplicateRate`
 * (0 to 0.3; default 0.02) of the people are registered a second time with the usual field errors
 * (Latin-only spellings, a missing grandfather, year-only births, mistyped IDs, another
 * governorate): half of them with their whole household, half alone. `cluster` is the truth.
 */
export function generateClanRegistry(opts: {
  persons: number;
  seed: number;
  duplicateRate?: number;
  crossScriptShare?: number;
}): Iterable<SyntheticRecord> {
  const { persons, seed } = opts;
  const rate = opts.duplicateRate ?? 0.02;
  const cross = opts.crossScriptShare ?? 0.1;
  if (!(rate >= 0 && rate <= 0.3)) throw new RangeError('duplicateRate must be between 0 and 0.3');
  return iterable(() =>
    windowShuffle(
      (function* () {
        let n = 0;
        let hh = { index: -1, again: false };
        for (const mem of members(seed, Number.MAX_SAFE_INTEGER, CLAN_STYLE)) {
          if (mem.index !== hh.index) hh = { index: mem.index, again: new Rng(seed, 0xe6, mem.index).chance(rate / 2) };
          const rng = new Rng(seed, 0xe0, mem.key);
          const again = hh.again || rng.chance(rate / 2);
          const cluster = opaque('K', seed, 0xe4, mem.key);
          const householdId = opaque('HK', seed, 0xe2, mem.index * 2);
          if (n++ >= persons) return;
          yield { ...record(mem.person, opaque('S', seed, 0xe1, mem.key * 2), householdId, cluster), fullNameEn: mem.person.fullNameEn };
          if (!again) continue;
          if (n++ >= persons) return;
          const otherHousehold = hh.again ? opaque('HK', seed, 0xe2, mem.index * 2 + 1) : opaque('HL', seed, 0xe3, mem.key);
          yield fieldRecord(rng, mem, opaque('S', seed, 0xe1, mem.key * 2 + 1), otherHousehold, cluster, cross);
        }
      })(),
      new Rng(seed, 0xe5),
      4096,
    ),
  );
}
