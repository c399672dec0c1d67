// Relatives as an outcome of their own. In a registry of households, most pairs of records that look
// alike are relatives, not one person registered twice: siblings share father, grandfather and
// family name, cousins share grandfather and family name (and, when both eldest sons are named
// after the grandfather, the given name too), a father's given name is his son's father's name.
// The Arabic four-part name says which: this module reads it from a pair's comparison, with the
// sexes and the years of birth. A pair that reads as relatives (or as two people of different sex,
// or born a generation apart) is not a duplicate candidate unless strong evidence says one person:
// the same national ID, or the full name agreeing with the same full date of birth (or the same
// phone number). No I/O.
import type { Dataset } from './dataset.ts';
import type { DateField, Field } from './fields.ts';

export { FAMILY_TIES, RELATIONS, type Relation } from '../shared/relations.ts';
import type { Relation } from '../shared/relations.ts';

/** Levels of the name part field (fields.ts NamePartField). */
const SHIFTED = 2,
  SIMILAR = 3,
  VERY_SIMILAR = 4,
  SAME_SOUND = 5;
/** DateField exact, IdField exact and "one typo, check digit points to it", SexField disagree. */
const DOB_EXACT = 7,
  DOB_ONE_TYPO = 6,
  DOB_YEAR_ONLY = 4,
  ID_EXACT = 5,
  ID_TYPO_CHECKED = 4,
  SEX_DIFFERENT = 1,
  SEX_AGREE = 2,
  PHONE_EXACT = 3;
/** Years of birth this far apart are two generations (a typo in one digit is its own level). */
const GENERATION_GAP = 12;
/**
 * Two names one letter apart that are both this common in the registry are two names (يوسف and
 * يونس), not one name and its typo: typos make rare spellings.
 */
const COMMON_NAME = 3;
/**
 * ... unless one is this many times rarer than the other: a typo of a very common name (ممد for
 * محمد) is itself seen a few times in a large registry, yet stays far rarer than the name.
 */
const TYPO_RATIO = 20;

/** The fields of a dataset the relation rules read (null when absent). */
export class RelationReader {
  private readonly given: Field | null;
  private readonly father: Field | null;
  private readonly grand: Field | null;
  private readonly family: Field | null;
  private readonly dob: DateField | null;
  private readonly id: Field | null;
  private readonly sex: Field | null;
  private readonly phone: Field | null;
  constructor(readonly ds: Dataset) {
    this.given = ds.field('given') ?? null;
    this.father = ds.field('father') ?? null;
    this.grand = ds.field('grandfather') ?? null;
    this.family = ds.field('family') ?? null;
    this.dob = (ds.field('dob') as DateField | undefined) ?? null;
    this.id = ds.field('national_id') ?? null;
    this.sex = ds.field('sex') ?? null;
    this.phone = ds.field('phone') ?? null;
  }

  private lv(f: Field | null, i: number, j: number): number {
    return f ? f.compare(i, j) : 0;
  }

  /** Skeleton key of name part p (0 given .. 3 family) of row r, or -1 when missing. */
  private skel(r: number, p: number): number {
    const t = this.ds.names.primary(r, p);
    return t < 0 ? -1 : this.ds.names.skelOf.a[t]!;
  }

  /** Name part p differs between i and j: disagree or shifted, or alike but two common names. */
  differs(i: number, j: number, p: number, level: number): boolean {
    if (level === 1 || level === SHIFTED) return true;
    if (level !== SIMILAR && level !== VERY_SIMILAR) return false;
    const names = this.ds.names,
      freq = names.freq[p]!;
    const a = names.primary(i, p),
      b = names.primary(j, p);
    if (a < 0 || b < 0) return false;
    const ca = freq.counts.get(a),
      cb = freq.counts.get(b);
    return Math.min(ca, cb) >= COMMON_NAME && Math.max(ca, cb) < Math.min(ca, cb) * TYPO_RATIO;
  }

  private same(r: number, p: number, s: number, q: number): boolean {
    const a = this.skel(r, p);
    return a >= 0 && a === this.skel(s, q);
  }

  /** |year of i - year of j|, or -1 when either is unknown or one digit apart (a typo). */
  yearGap(i: number, j: number): number {
    const d = this.dob;
    if (!d) return -1;
    const yi = d.y.a[i]!,
      yj = d.y.a[j]!;
    if (!yi || !yj) return -1;
    if (d.compare(i, j) >= DOB_ONE_TYPO) return 0;
    return Math.abs(yi - yj);
  }

  /**
   * Strong evidence of one person: the same national ID (or one typo the check digit points to,
   * with given and family name alike); or the full name (given, father's and family name) agreeing
   * with the same full date of birth, or with the same phone number and a year of birth that does
   * not disagree (a phone shared in a family does not make relatives one: their names differ).
   */
  strong(i: number, j: number): boolean {
    const id = this.lv(this.id, i, j);
    const given = this.lv(this.given, i, j),
      family = this.lv(this.family, i, j);
    if (id === ID_EXACT) return true;
    if (id === ID_TYPO_CHECKED && given >= SIMILAR && family >= SIMILAR && !this.differs(i, j, 0, given)) return true;
    const dob = this.lv(this.dob, i, j);
    if (dob === DOB_EXACT) return this.fullName(i, j, given, family);
    // the same phone number (an identifier, if shared within a family: the full name tells them
    // apart) with the full name, and a year of birth that does not disagree
    return this.lv(this.phone, i, j) === PHONE_EXACT && dob !== 1 && this.fullName(i, j, given, family);
  }

  /**
   * Evidence of one person short of a full date of birth: the whole four-part name agreeing (the
   * grandfather's name on both records), the same sex, and births in the same year where one is
   * known only to the year (or recorded as 01-01), or one digit or day and month apart. Relatives
   * never pass: their names differ in a part (the relation rules are read first).
   */
  nameAndYear(i: number, j: number): boolean {
    const dob = this.lv(this.dob, i, j);
    if (dob !== DOB_YEAR_ONLY && dob !== DOB_ONE_TYPO) return false;
    if (this.lv(this.sex, i, j) !== SEX_AGREE) return false;
    const grand = this.lv(this.grand, i, j);
    if (grand < VERY_SIMILAR || this.differs(i, j, 2, grand)) return false;
    return this.fullName(i, j, this.lv(this.given, i, j), this.lv(this.family, i, j));
  }

  /** Given, father's and family name agreeing (two common names one letter apart do not), the grandfather's not disagreeing. */
  private fullName(i: number, j: number, given: number, family: number): boolean {
    const father = this.lv(this.father, i, j);
    return (
      given >= VERY_SIMILAR &&
      !this.differs(i, j, 0, given) &&
      family >= VERY_SIMILAR &&
      father >= VERY_SIMILAR &&
      !this.differs(i, j, 1, father) &&
      this.lv(this.grand, i, j) !== 1
    );
  }

  /** What the pair's names, sexes and years say (see RELATIONS). */
  relation(i: number, j: number): Relation {
    if (this.lv(this.sex, i, j) === SEX_DIFFERENT) return 'different_sex';
    const given = this.lv(this.given, i, j),
      father = this.lv(this.father, i, j),
      grand = this.lv(this.grand, i, j),
      family = this.lv(this.family, i, j);
    const gap = this.yearGap(i, j);
    const familyOk = family >= SAME_SOUND || (family === 0 && grand >= SAME_SOUND);
    if (familyOk) {
      const tie = this.tie(i, j, given, father, grand, gap);
      if (tie !== 'none') return tie;
    }
    if (gap >= GENERATION_GAP) return 'generations_apart';
    return 'none';
  }

  private tie(i: number, j: number, given: number, fatherLevel: number, grand: number, gap: number): Relation {
    const givenDiffers = this.differs(i, j, 0, given);
    const fatherDiffers = this.differs(i, j, 1, fatherLevel);
    // father: 1 when the fathers' names differ (also as two common names), else the level
    const father = fatherDiffers ? 1 : fatherLevel;
    // Siblings: another given name, the same father (and not another grandfather).
    if (givenDiffers && father >= SIMILAR && grand !== 1) return this.lv(this.dob, i, j) === DOB_EXACT ? 'twins' : 'siblings';
    const older = gap < 0 || gap >= GENERATION_GAP;
    // A parent and a child: one's given name is the other's father's name (and the parent's
    // father the child's grandfather, when both are known).
    for (const [p, c] of [
      [i, j],
      [j, i],
    ] as const) {
      if (givenDiffers && older && this.same(p, 0, c, 1) && (this.skel(p, 1) < 0 || this.skel(c, 2) < 0 || this.same(p, 1, c, 2)))
        return 'parent_child';
      if (older && father === 1 && this.same(p, 0, c, 2) && !this.same(p, 0, c, 1)) return 'grandparent_grandchild';
      // An uncle and a nephew: the uncle's father is the nephew's grandfather, the nephew's father another son.
      if (older && this.same(p, 1, c, 2) && !this.same(p, 0, c, 1) && this.skel(p, 0) >= 0 && this.skel(c, 1) >= 0 && father === 1)
        return 'uncle_nephew';
    }
    // Cousins: another father, the same grandfather (the given name alike or not).
    if (father === 1 && grand >= SAME_SOUND) return 'cousins';
    return 'none';
  }
}
