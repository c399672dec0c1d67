// Per-person attributes of synthetic records: dates of birth with their precision, 9-digit
// national IDs (unique per person key, check digit from src/registry, ~2% wrong on purpose),
// mobile phones in E.164 (+970 / +972) and Latin transliterations of names.
import type { NameEntry } from './names.ts';
import { nationalIdCheckDigit } from '../registry/nationalId.ts';
import { hash32, type Rng } from './random.ts';

/** Ages are counted at this date, so data is the same whenever it is generated. */
export const REFERENCE_DATE = '2025-06-01';
const REF_YEAR = 2025;
const REF_MONTH = 6;
const REF_DAY = 1;

const PAD2: readonly string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));
export const pad2 = (n: number): string => PAD2[n] ?? String(n).padStart(2, '0');
const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number): number =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (DIM[m - 1] as number);

export type DobPrecision = 'exact' | 'month' | 'year' | 'estimated';
export interface Dob {
  dateOfBirth?: string;
  dobPrecision?: DobPrecision;
  age?: number;
}

/** A birth date consistent with an age at REFERENCE_DATE. */
export interface BirthDate {
  y: number;
  m: number;
  d: number;
}
export const isoDate = (b: BirthDate): string => `${b.y}-${pad2(b.m)}-${pad2(b.d)}`;

export function birthDate(rng: Rng, age: number): BirthDate {
  const m = rng.int(1, 12);
  let y = REF_YEAR - age;
  const afterRef = m > REF_MONTH;
  let d = rng.int(1, 28);
  if (m === REF_MONTH) d = rng.int(1, 30) > 1 ? rng.int(2, 30) : 1;
  else if (d > 27) d = rng.int(28, daysInMonth(y, m));
  if (afterRef || (m === REF_MONTH && d > REF_DAY)) y -= 1;
  if (d > daysInMonth(y, m)) d = daysInMonth(y, m);
  return { y, m, d };
}

/**
 * How the date of birth was recorded: exact most often; some month or year only; some with the
 * 01-01 placeholder (recorded as if exact, the trap real registries hold); some only an age
 * (precision 'estimated', no date); a few nothing at all.
 */
export function recordedDob(rng: Rng, birth: BirthDate, age: number, into: Dob = {}): Dob {
  const { y, m, d } = birth;
  const r = rng.next();
  if (r >= 0.99) return into;
  into.age = age;
  if (r < 0.8) (into.dateOfBirth = `${y}-${pad2(m)}-${pad2(d)}`), (into.dobPrecision = 'exact');
  else if (r < 0.82) (into.dateOfBirth = `${y}-${pad2(m)}`), (into.dobPrecision = 'month');
  else if (r < 0.88) (into.dateOfBirth = String(y)), (into.dobPrecision = 'year');
  else if (r < 0.93) (into.dateOfBirth = `${y}-01-01`), (into.dobPrecision = 'exact');
  else into.dobPrecision = 'estimated';
  return into;
}

// National IDs: a keyed permutation of 25-bit numbers (odd multiplications and xor-shifts, each a
// bijection modulo 2^25), cycle-walked into 30,000,000 values, makes each person key's ID unique
// without storing anything.
const ID_SPACE = 30_000_000;
const MASK25 = 0x1ffffff;
const ID_PREFIX = [4, 8, 9];

let idSeed = NaN;
let k1 = 0;
let k2 = 0;
let k3 = 0;
function permute25(x: number): number {
  x = (Math.imul(x, k1) + k3) & MASK25;
  x ^= x >>> 12;
  x = Math.imul(x, k2) & MASK25;
  x ^= x >>> 13;
  x = Math.imul(x, k1) & MASK25;
  return x ^ (x >>> 11);
}

/** The valid national ID of a person key (unique for keys below 30,000,000). */
export function nationalIdFor(seed: number, personKey: number): string {
  if (seed !== idSeed) {
    idSeed = seed;
    k1 = hash32(seed, 0x1d, 1) | 1;
    k2 = hash32(seed, 0x1d, 2) | 1;
    k3 = hash32(seed, 0x1d, 3);
  }
  let v = personKey % ID_SPACE;
  do v = permute25(v);
  while (v >= ID_SPACE);
  // The first digit is never 0, so the number prints as exactly 8 digits.
  const first8 = String((ID_PREFIX[Math.floor(v / 10_000_000)] as number) * 10_000_000 + (v % 10_000_000));
  return first8 + nationalIdCheckDigit(first8);
}

/** The same ID with a wrong check digit. */
export function withWrongCheckDigit(rng: Rng, id: string): string {
  const c = id.charCodeAt(8) - 48;
  return id.slice(0, 8) + ((c + rng.int(1, 9)) % 10);
}

const digits7 = (rng: Rng): string => String(rng.int(10_000_000, 19_999_999)).slice(1);

const ISRAELI_NETS = ['0', '2', '3', '4', '8'];

/** A mobile number in E.164: Palestinian networks under +970 or +972, or an Israeli network. */
export function mobilePhone(rng: Rng): string {
  const r = rng.next();
  const net = rng.next() < 0.75 ? '9' : '6';
  if (r < 0.68) return `+9705${net}${digits7(rng)}`;
  if (r < 0.9) return `+9725${net}${digits7(rng)}`;
  return `+9725${rng.pick(ISRAELI_NETS)}${digits7(rng)}`;
}

/** A Latin spelling of a name: the usual one most often, another variant sometimes. */
export function latin(rng: Rng, name: NameEntry): string {
  const en = name.en;
  if (en.length === 1 || rng.next() < 0.6) return en[0] as string;
  return en[rng.int(1, en.length - 1)] as string;
}
