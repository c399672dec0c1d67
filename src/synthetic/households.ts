// Synthetic households in the Arabic four-part naming pattern: a child's father_name is the
// father's given name, the grandfather_name the father's father_name, the family name shared, so
// siblings share three of four parts; wives keep their own father's names and family name.
// Households of four consecutive indices form a "clan": some heads are brothers (same father and
// grandfather), so their children are cousins sharing grandfather and family names.
//
// Household i depends only on (seed, i): generation is lazy, constant-memory, and any range can
// be produced on its own (startIndex) with the same result as inside a longer run.
import type { Relationship } from '../registry/vocabulary.ts';
import {
  birthDate,
  latin,
  mobilePhone,
  nationalIdFor,
  recordedDob,
  withWrongCheckDigit,
  type BirthDate,
  type DobPrecision,
} from './attributes.ts';
import { displacementsFor, vulnerabilitiesFor, type SyntheticDisplacement, type SyntheticVulnerability } from './events.ts';
import { governorateTable, isGaza } from './geography.ts';
import { familyNames, femaleGivenNames, maleGivenNames, type NameEntry } from './names.ts';
import { AliasTable, Rng } from './random.ts';

export type { SyntheticDisplacement, SyntheticVulnerability } from './events.ts';
export type { DobPrecision } from './attributes.ts';
export type Sex = 'female' | 'male';

export interface SyntheticPerson {
  recordId: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string; // '' when not recorded
  familyName: string;
  fullNameEn?: string;
  sex: Sex;
  dateOfBirth?: string; // YYYY-MM-DD | YYYY-MM | YYYY
  dobPrecision?: DobPrecision;
  age?: number; // years at REFERENCE_DATE (attributes.ts)
  nationalId?: string;
  phone?: string;
  governorate: string;
  householdId: string;
  relationship: Relationship;
}

export interface SyntheticHousehold {
  householdId: string;
  /** home governorate (P-code), where the members are registered */
  governorate: string;
  /** where the household is now, after its displacements */
  currentGovernorate: string;
  members: SyntheticPerson[];
  displacements: SyntheticDisplacement[];
  vulnerabilities: SyntheticVulnerability[];
}

/** A member's name parts as list entries (for re-spelling in Latin script) and true birth date. */
export interface MemberTruth {
  given: NameEntry;
  father: NameEntry;
  grand: NameEntry;
  family: NameEntry;
  sex: Sex;
  age: number;
  birth?: BirthDate;
}

/** Households hold at most this many members, so person keys are index * 16 + position. */
export const MAX_MEMBERS = 15;
export const personKey = (householdIndex: number, position: number): number => householdIndex * 16 + position;

const males = new AliasTable(
  maleGivenNames,
  maleGivenNames.map((n) => n.weight),
);
const females = new AliasTable(
  femaleGivenNames,
  femaleGivenNames.map((n) => n.weight),
);
const families = new AliasTable(
  familyNames,
  familyNames.map((n) => n.weight),
);

// Household size: mean about 5.5 (Gaza a little larger than the West Bank), range 1 to 15.
const SIZE_WEIGHTS = [0, 0, 4, 7, 11, 14, 15, 14, 12, 9, 6, 4, 2.5, 1.5, 1, 0.6];
const sizeTable = new AliasTable(
  SIZE_WEIGHTS.map((_, i) => i),
  SIZE_WEIGHTS,
);
// Age of a married male head, by five-year band from 20.
const HEAD_BANDS = [5, 11, 14, 14, 13, 11, 9, 7, 5.5, 4, 2.5, 1.5];
const headBandTable = new AliasTable(
  HEAD_BANDS.map((_, i) => 20 + i * 5),
  HEAD_BANDS,
);

type Kind = 'couple' | 'female_headed' | 'single_elderly' | 'single_adult' | 'child_headed';
const table = <T>(rows: readonly (readonly [T, number])[]) =>
  new AliasTable(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );
const KINDS_GAZA = table<Kind>([
  ['couple', 80],
  ['female_headed', 13],
  ['single_elderly', 3],
  ['single_adult', 1.5],
  ['child_headed', 1.2],
]);
const KINDS_WB = table<Kind>([
  ['couple', 84],
  ['female_headed', 9],
  ['single_elderly', 4.5],
  ['single_adult', 2],
  ['child_headed', 0.2],
]);
// Years between births; husband's age minus wife's.
const SPACING = table([
  [1, 20],
  [2, 45],
  [3, 22],
  [4, 8],
  [6, 5],
]);
const AGE_GAP = table([
  [0, 8],
  [2, 20],
  [4, 30],
  [6, 22],
  [9, 12],
  [13, 8],
]);

/** How clan-like the population is (the defaults are the ordinary population's). */
export interface HouseholdStyle {
  /** share of households (beyond every fourth) whose man is a son of the clan's patriarch */
  clanShare: number;
  /** chance that a man's eldest son is named after his paternal grandfather */
  namedAfterGrandfather: number;
}
export const DEFAULT_STYLE: HouseholdStyle = { clanShare: 0.3, namedAfterGrandfather: 0.35 };

interface Lineage {
  /** chance that the eldest son is named after his paternal grandfather */
  afterGrand?: number;
  father: NameEntry;
  grand: NameEntry;
  family: NameEntry;
  /** given name of this household's man (head or absent husband): brothers never share one */
  son?: NameEntry;
}
interface Draft extends MemberTruth {
  rel: Relationship;
  unaccompanied?: boolean;
  separated?: boolean;
  recordId?: string;
  /** born the same day as the member before (twins) */
  twin?: boolean;
  /** the true date of birth (the record may hold less, or a placeholder) */
  birth?: BirthDate;
}

const male = (rng: Rng, not?: NameEntry): NameEntry => {
  let n = males.sample(rng);
  if (n === not) n = males.sample(rng);
  return n;
};
const female = (rng: Rng): NameEntry => females.sample(rng);
const randomLineage = (rng: Rng): Lineage => ({ father: male(rng), grand: male(rng), family: families.sample(rng) });

/** A clan: the patriarch's lineage and home, and distinct names for his four sons. */
function clanOf(seed: number, clan: number): Lineage & { governorate: string; sons: NameEntry[] } {
  const rng = new Rng(seed, 2, clan);
  const grand = male(rng);
  const father = male(rng, grand);
  const sons: NameEntry[] = [];
  while (sons.length < 4) {
    const n = male(rng, father);
    if (!sons.includes(n)) sons.push(n);
  }
  return { father, grand, family: families.sample(rng), governorate: governorateTable.sample(rng), sons };
}
const manOf = (rng: Rng, l: Lineage): NameEntry => l.son ?? male(rng, l.father);

/** A child of the given father: sometimes named after the paternal grandfather; not a sibling's name. */
function child(
  rng: Rng,
  sex: Sex,
  father: NameEntry,
  grand: NameEntry,
  family: NameEntry,
  age: number,
  rel: Relationship,
  siblings: readonly Draft[],
  firstSon: boolean,
  from = 0,
  afterGrand = DEFAULT_STYLE.namedAfterGrandfather,
): Draft {
  let given: NameEntry;
  if (sex === 'male' && firstSon && grand !== father && rng.chance(afterGrand)) given = grand;
  else {
    given = sex === 'male' ? male(rng, father) : female(rng);
    for (let t = 0; t < 3 && taken(siblings, from, given); t++) given = sex === 'male' ? male(rng, father) : female(rng);
  }
  return { given, father, grand, family, sex, age, rel };
}
function taken(list: readonly Draft[], from: number, name: NameEntry): boolean {
  for (let i = from; i < list.length; i++) if ((list[i] as Draft).given === name) return true;
  return false;
}
const randomSex = (rng: Rng): Sex => (rng.chance(0.51) ? 'male' : 'female');
const sibling = (sex: Sex): Relationship => (sex === 'male' ? 'brother' : 'sister');

/** Children of a mother aged momAge, eldest first, until `room` is used or she is past bearing age. */
function children(
  rng: Rng,
  out: Draft[],
  room: number,
  momAge: number,
  father: NameEntry,
  grand: NameEntry,
  family: NameEntry,
  asGrandchildren = false,
  afterGrand = DEFAULT_STYLE.namedAfterGrandfather,
): void {
  let age = momAge - rng.int(18, 24);
  let sonSeen = false;
  let twin = false;
  const start = out.length;
  while (room > 0 && age >= 0 && momAge - age <= 45) {
    const isSon = rng.chance(0.51);
    const leftHome = age >= 30 ? rng.chance(0.85) : age >= 23 ? rng.chance(isSon ? 0.3 : 0.55) : false;
    if (!leftHome) {
      const rel: Relationship = asGrandchildren ? 'grandchild' : isSon ? 'son' : 'daughter';
      const c = child(rng, isSon ? 'male' : 'female', father, grand, family, age, rel, out, isSon && !sonSeen, start, afterGrand);
      if (twin) c.twin = true;
      out.push(c);
      room--;
    }
    if (isSon) sonSeen = true;
    // About one birth in eighty is of twins: same parents, same date of birth.
    twin = !leftHome && !twin && rng.chance(0.0125);
    if (!twin) age -= SPACING.sample(rng);
  }
}

/** A woman of another family who joined the household; her age is drawn after her names. */
function womanFromOutside(rng: Rng, rel: Relationship, age: () => number): Draft {
  return { given: female(rng), father: male(rng), grand: male(rng), family: families.sample(rng), sex: 'female', age: age(), rel };
}

function coupleHousehold(rng: Rng, lineage: Lineage, target: number): Draft[] {
  const headAge = Math.min(85, rng.int(0, 4) + headBandTable.sample(rng));
  const head: Draft = {
    given: manOf(rng, lineage),
    father: lineage.father,
    grand: lineage.grand,
    family: lineage.family,
    sex: 'male',
    age: headAge,
    rel: 'head',
  };
  const wifeAge = Math.max(17, headAge - AGE_GAP.sample(rng) - rng.int(0, 1));
  const wifeFamily = rng.chance(0.25) ? lineage.family : families.sample(rng);
  const out: Draft[] = [
    head,
    { given: female(rng), father: male(rng), grand: male(rng), family: wifeFamily, sex: 'female', age: wifeAge, rel: 'spouse' },
  ];
  if (headAge < 55 && rng.chance(headAge < 35 ? 0.25 : 0.1)) {
    const mAge = Math.min(95, headAge + rng.int(18, 35));
    out.push({
      given: female(rng),
      father: male(rng),
      grand: male(rng),
      family: rng.chance(0.3) ? lineage.family : families.sample(rng),
      sex: 'female',
      age: mAge,
      rel: 'mother',
    });
    if (rng.chance(0.25))
      out.push({
        given: lineage.father,
        father: lineage.grand,
        grand: male(rng),
        family: lineage.family,
        sex: 'male',
        age: Math.min(98, mAge + rng.int(0, 10)),
        rel: 'father',
      });
  }
  if (headAge < 32 && rng.chance(0.04)) out.push(womanFromOutside(rng, 'grandparent', () => Math.min(98, headAge + rng.int(38, 50))));
  if (rng.chance(0.05)) {
    const sex = randomSex(rng);
    out.push(
      child(rng, sex, lineage.father, lineage.grand, lineage.family, Math.max(16, headAge + rng.int(-8, 8)), sibling(sex), [head], false),
    );
  }
  if (rng.chance(0.03)) {
    const nephew = child(rng, randomSex(rng), male(rng), lineage.father, lineage.family, rng.int(1, 16), 'other_relative', [], false);
    nephew.separated = rng.chance(0.3);
    out.push(nephew);
  }
  if (rng.chance(0.01)) out.push({ given: male(rng), ...randomLineage(rng), sex: 'male', age: rng.int(16, 70), rel: 'other' });
  const first = out.length;
  children(rng, out, target - out.length, wifeAge, head.given, lineage.father, lineage.family, false, lineage.afterGrand);
  // An elder son may live with his own wife and children in his father's household.
  let son: Draft | undefined;
  for (let i = first; i < out.length && !son; i++) if (out[i]?.rel === 'son' && (out[i] as Draft).age >= 22) son = out[i];
  if (son && headAge >= 48 && target - out.length >= 2 && rng.chance(0.6)) {
    const dilAge = Math.max(17, son.age - rng.int(0, 6));
    out.push(womanFromOutside(rng, 'other_relative', () => dilAge));
    children(rng, out, target - out.length, dilAge, son.given, head.given, lineage.family, true, lineage.afterGrand);
  }
  return out;
}

function femaleHeaded(rng: Rng, lineage: Lineage, target: number): Draft[] {
  const age = rng.int(22, 40) + (rng.chance(0.35) ? rng.int(0, 25) : 0);
  const out: Draft[] = [{ given: female(rng), ...randomLineage(rng), sex: 'female', age, rel: 'head' }];
  if (rng.chance(0.08))
    out.push({ given: female(rng), ...randomLineage(rng), sex: 'female', age: Math.min(95, age + rng.int(18, 32)), rel: 'mother' });
  // The children carry the names of their (deceased, detained or absent) father.
  children(rng, out, target - out.length, age, manOf(rng, lineage), lineage.father, lineage.family, false, lineage.afterGrand);
  return out;
}

function childHeaded(rng: Rng, lineage: Lineage, target: number): Draft[] {
  const age = rng.int(14, 17);
  const father = manOf(rng, lineage);
  const out: Draft[] = [];
  out.push(child(rng, rng.chance(0.6) ? 'male' : 'female', father, lineage.father, lineage.family, age, 'head', out, true));
  const n = Math.min(target - 1, rng.int(1, 5));
  for (let i = 0; i < n; i++) {
    const sex = randomSex(rng);
    out.push(child(rng, sex, father, lineage.father, lineage.family, rng.int(1, age - 1), sibling(sex), out, false));
  }
  for (const d of out) d.unaccompanied = true;
  return out;
}

export interface DetailedHousehold {
  household: SyntheticHousehold;
  truth: MemberTruth[];
}

/** The only member of a one-person household: the head, aged `minAge` to `maxAge`. */
function singleHead(rng: Rng, sex: Sex, l: Lineage, minAge: number, maxAge: number): Draft {
  return {
    given: sex === 'male' ? manOf(rng, l) : female(rng),
    father: l.father,
    grand: l.grand,
    family: l.family,
    sex,
    age: rng.int(minAge, maxAge),
    rel: 'head',
  };
}

/** The members (drafts) of a household living in `home`, by a kind drawn for that place. */
function draftsFor(rng: Rng, home: string, lineage: Lineage, target: number): Draft[] {
  switch ((isGaza(home) ? KINDS_GAZA : KINDS_WB).sample(rng)) {
    case 'couple':
      return coupleHousehold(rng, lineage, target);
    case 'female_headed':
      return femaleHeaded(rng, lineage, target);
    case 'child_headed':
      return childHeaded(rng, lineage, target);
    case 'single_elderly': {
      const sex: Sex = rng.chance(0.65) ? 'female' : 'male';
      return [singleHead(rng, sex, sex === 'male' ? lineage : randomLineage(rng), 60, 92)];
    }
    case 'single_adult':
      return [singleHead(rng, rng.chance(0.7) ? 'male' : 'female', lineage, 20, 59)];
  }
}

/** The recorded persons of a household's drafts: names, dates of birth, national IDs and phones. */
function membersOf(rng: Rng, seed: number, index: number, householdId: string, home: string, drafts: Draft[]): SyntheticPerson[] {
  const members: SyntheticPerson[] = [];
  let headPhone: string | undefined;
  let familyEntry: NameEntry | undefined;
  let familyLatin = '';
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft;
    const recordId = householdId + (i < 9 ? '-0' : '-') + (i + 1);
    d.recordId = recordId;
    // One spelling of the family name per household (the head's), as one registration would have.
    const fam = d.family === familyEntry ? familyLatin : latin(rng, d.family);
    if (familyEntry === undefined) (familyEntry = d.family), (familyLatin = fam);
    const p: SyntheticPerson = {
      recordId,
      givenName: d.given.ar,
      fatherName: d.father.ar,
      grandfatherName: d.grand.ar,
      familyName: d.family.ar,
      fullNameEn: `${latin(rng, d.given)} ${latin(rng, d.father)} ${latin(rng, d.grand)} ${fam}`,
      sex: d.sex,
      dateOfBirth: undefined,
      dobPrecision: undefined,
      age: undefined,
      nationalId: undefined,
      phone: undefined,
      governorate: home,
      householdId,
      relationship: d.rel,
    };
    const prev = drafts[i - 1];
    d.birth = d.twin && prev?.birth ? prev.birth : birthDate(rng, d.age);
    recordedDob(rng, d.birth, d.age, p);
    if (!rng.chance(d.age < 1 ? 0.15 : 0.03)) {
      const id = nationalIdFor(seed, personKey(index, i));
      p.nationalId = rng.chance(0.02) ? withWrongCheckDigit(rng, id) : id;
    }
    const pPhone = d.rel === 'head' ? (d.age >= 16 ? 0.9 : 0.5) : d.age >= 18 ? (d.rel === 'spouse' ? 0.55 : 0.35) : d.age >= 15 ? 0.05 : 0;
    if (pPhone > 0 && rng.chance(pPhone)) {
      // Some members give the head's number: a shared phone is not a shared identity.
      p.phone = headPhone !== undefined && rng.chance(0.1) ? headPhone : mobilePhone(rng);
      if (d.rel === 'head') headPhone = p.phone;
    }
    members.push(p);
  }
  return members;
}

/** Household number `index` of the population of `seed`, with its members' name entries. */
export function buildHousehold(seed: number, index: number, style: HouseholdStyle = DEFAULT_STYLE): DetailedHousehold {
  const rng = new Rng(seed, 1, index);
  const clan = clanOf(seed, Math.floor(index / 4));
  const related = index % 4 === 0 || rng.chance(style.clanShare);
  const home = related && rng.chance(0.9) ? clan.governorate : governorateTable.sample(rng);
  const lineage: Lineage = related
    ? { father: clan.father, grand: clan.grand, family: clan.family, son: clan.sons[index % 4] }
    : randomLineage(rng);
  lineage.afterGrand = style.namedAfterGrandfather;
  const target = sizeTable.sample(rng) + (rng.chance(isGaza(home) ? 0.5 : 0.15) ? 1 : 0);
  const drafts = draftsFor(rng, home, lineage, target);
  if (drafts.length > MAX_MEMBERS) drafts.length = MAX_MEMBERS;

  const householdId = `H${String(index).padStart(7, '0')}`;
  const members = membersOf(rng, seed, index, householdId, home, drafts);
  const displacements = displacementsFor(rng, householdId, home);
  const household: SyntheticHousehold = {
    householdId,
    governorate: home,
    currentGovernorate: displacements.length ? (displacements[displacements.length - 1] as SyntheticDisplacement).toGovernorate : home,
    members,
    displacements,
    vulnerabilities: vulnerabilitiesFor(rng, householdId, home, drafts, displacements),
  };
  return { household, truth: drafts };
}

/**
 * Synthetic households `startIndex .. startIndex + households - 1` for a seed, produced lazily:
 * memory stays constant however many are drawn. The same seed always gives the same households.
 */
export function* generateHouseholds(opts: { households: number; seed: number; startIndex?: number }): Generator<SyntheticHousehold> {
  const start = opts.startIndex ?? 0;
  for (let i = 0; i < opts.households; i++) yield buildHousehold(opts.seed, start + i).household;
}

/**
 * Persons of the generated households, one after another (what a CSV file holds); with `limit`,
 * exactly that many (the last household cut short), however many households that takes.
 */
export function* generatePersons(opts: {
  households: number;
  seed: number;
  startIndex?: number;
  limit?: number;
}): Generator<SyntheticPerson> {
  let left = opts.limit ?? Number.POSITIVE_INFINITY;
  if (left <= 0) return;
  for (const h of generateHouseholds(opts)) {
    for (const p of h.members) {
      yield p;
      if (--left <= 0) return;
    }
  }
}
