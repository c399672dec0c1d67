// Comparison fields. Each field stores its prepared values as integer columns, compares two rows
// into a graded level and, for some levels, a term-frequency adjustment.
//
// Level codes: 0 = null (a value missing on either side, no evidence), 1 = disagree,
// 2..n = increasingly strong agreement. `levels[k]` names code k+1.
import { Dict, DigitDict, Freq, GrowI32 } from './typedColumns.ts';
import { digitsOnly, jaroWinkler, luhnValid, withinOneEdit, hashString, mix } from './text.ts';
import { arabicTokens, isArabic, latinTokens, normalizeLatin, skeleton, stripArticle } from './names.ts';

export type RawRecord = Record<string, string | undefined>;

export interface Field {
  readonly name: string;
  readonly type: string;
  /** Names of the levels, disagree first: levels[k] is code k + 1. */
  readonly levels: readonly string[];
  /** Stores row `row`; `count` false for a scratch row (a query) that must not change frequencies. */
  add(rec: RawRecord, row: number, source: number, count: boolean): void;
  /** Called once after the initial load (and may be called again). */
  finalize?(): void;
  compare(i: number, j: number): number;
  /** Term-frequency adjustment (log2) for a pair at level code `code`; 0 when none. */
  tfAdjust(i: number, j: number, code: number): number;
  /** True when the pair carries conflicting evidence that forbids an automatic link. */
  conflict?(i: number, j: number): boolean;
  /** Integer blocking-key component for row i (0 = missing), by mode. */
  blockKey(mode: string, i: number): number;
  /**
   * The same component as a value of its own (a hash of the value's text, not its id in this
   * dataset's dictionaries), equal across datasets: the blocks kept between runs (blockIndex.ts).
   * 0 exactly where blockKey is 0.
   */
  stableKey?(mode: string, i: number): number;
  /** The row's value, for explanations. */
  show(i: number): string;
}

const LONG_VOWELS = /[وي]/g;
/** Distinct raw strings remembered by the per-string caches of name normalisation. */
const CACHE_MAX = 1 << 21;
const CMP_BITS = 18;
const val = (rec: RawRecord, col: string): string => (rec[col] ?? '').trim();

/** A non-zero hash of the string with dictionary id `id`, computed once per id. */
function memoHash(memo: GrowI32, strings: readonly string[], id: number): number {
  const h = memo.get(id);
  if (h !== 0) return h;
  const v = hashString(strings[id]!) | 0 || 1;
  memo.set(id, v);
  return v;
}

/** memoHash of the digit string with id `id` of a DigitDict. */
function memoDigitHash(memo: GrowI32, dict: DigitDict, id: number): number {
  const h = memo.get(id);
  if (h !== 0) return h;
  const v = hashString(dict.string(id)) | 0 || 1;
  memo.set(id, v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Names: one store shared by the four positional part fields.

export const PARTS = ['given', 'father', 'grandfather', 'family'] as const;
export type Part = (typeof PARTS)[number];
const _PART_COLUMNS = ['given_name', 'father_name', 'grandfather_name', 'family_name'];

/** Splits a tokenised full name into [given, father, grandfather, family]. */
export function assignParts(tokens: string[]): (string | undefined)[] {
  const n = tokens.length;
  if (n === 0) return [undefined, undefined, undefined, undefined];
  if (n === 1) return [tokens[0], undefined, undefined, undefined];
  if (n === 2) return [tokens[0], undefined, undefined, tokens[1]];
  if (n === 3) return [tokens[0], tokens[1], undefined, tokens[2]];
  if (n === 4) return [tokens[0], tokens[1], tokens[2], tokens[3]];
  return [tokens[0], tokens[1], tokens[2], tokens.slice(3).join('')];
}

export class NameStore {
  readonly dict = new Dict();
  readonly skelDict = new Dict();
  /** skeleton id of each token id */
  readonly skelOf = new GrowI32();
  /** per row: 1 = has Arabic-script parts, 2 = has Latin-script parts */
  readonly script = new GrowI32(1024);
  /** Arabic-script parts, 4 per row (-1 missing) */
  readonly ar = new GrowI32(4096);
  /** Latin-script parts, 4 per row (-1 missing) */
  readonly lat = new GrowI32(4096);
  readonly freq = PARTS.map(() => new Freq());
  readonly skelFreq = PARTS.map(() => new Freq());
  /** hashes of tokens and skeletons by id (stable keys), filled on demand */
  readonly tokHash = new GrowI32();
  readonly skelHash = new GrowI32();
  /** which input columns feed the parts */
  /**
   * `cacheBits`: the size of the comparison cache (2^bits entries, 9 bytes each: 2.4 MB at the
   * default). A dataset of a few records (a draft scored against its candidates) takes a small one:
   * allocating and filling the default for every check was most of its garbage.
   */
  constructor(
    readonly cols: { parts: (string | null)[]; fullName: string | null; fullNameEn: string | null },
    cacheBits = CMP_BITS,
  ) {
    const size = 1 << Math.min(CMP_BITS, Math.max(4, cacheBits));
    this.cmpShift = 32 - Math.log2(size);
    this.cacheA = new Int32Array(size).fill(-1);
    this.cacheB = new Int32Array(size);
    this.cacheV = new Int8Array(size);
  }

  /** id of each token with its long vowels removed (Arabic: محمد / محمود differ only there) */
  readonly noVowelOf = new GrowI32();
  private readonly noVowelDict = new Dict();
  /**
   * Direct-mapped cache of the part-independent comparison of two distinct tokens (see
   * tokenLevel): names repeat, so most pairs of differing names have been compared before.
   */
  private readonly cacheA: Int32Array;
  private readonly cacheB: Int32Array;
  private readonly cacheV: Int8Array;
  private readonly cmpShift: number;

  /** The id of a (normalised) token, added when new. */
  token(t: string): number {
    return this.tok(t);
  }

  /** Sets row `row`'s parts as prepared before (token ids, -1 none), without counting them. */
  setRow(row: number, ar: readonly number[], lat: readonly number[]): void {
    let script = 0;
    for (let p = 0; p < 4; p++) {
      this.ar.set(row * 4 + p, ar[p]!);
      this.lat.set(row * 4 + p, lat[p]!);
      if (ar[p]! >= 0) script |= 1;
      if (lat[p]! >= 0) script |= 2;
    }
    this.script.set(row, script);
  }

  private tok(t: string): number {
    const id = this.dict.id(t);
    if (id === this.skelOf.n) {
      this.skelOf.push(this.skelDict.id(skeleton(t)));
      this.noVowelOf.push(this.noVowelDict.id(t.replace(LONG_VOWELS, '')));
    }
    return id;
  }

  /**
   * Level of two distinct tokens a, b that depends on the tokens only. mode 0: Arabic against
   * Arabic, 1: Latin against Latin, 2: across scripts (by skeleton). Returns 1 (disagree, final),
   * 3, 4 or 5, or 0 when the caller must look for the name at another position.
   */
  tokenLevel(a: number, b: number, mode: number): number {
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b * 4 + mode, 0x85ebca6b)) >>> this.cmpShift;
    const kb = b * 4 + mode;
    if (this.cacheA[h] === a && this.cacheB[h] === kb) return this.cacheV[h]!;
    const v = this.tokenLevelUncached(a, b, mode);
    this.cacheA[h] = a;
    this.cacheB[h] = kb;
    this.cacheV[h] = v;
    return v;
  }

  private tokenLevelUncached(a: number, b: number, mode: number): number {
    const strs = this.dict.strings;
    if (mode === 0) {
      // Arabic against Arabic: spelling variants are already folded by normalisation; names that
      // differ by a long vowel are different names (محمد / محمود, سعد / سعيد), not variants.
      if (this.noVowelOf.a[a] === this.noVowelOf.a[b]) return 1;
      const x = strs[a]!,
        y = strs[b]!;
      if (withinOneEdit(x, y) && Math.min(x.length, y.length) >= 3) return 4;
      if (jaroWinkler(x, y) >= 0.9) return 3;
      return 0;
    }
    const sa = this.skelOf.a[a]!,
      sb = this.skelOf.a[b]!;
    const sk = this.skelDict.strings;
    if (sa === sb && sk[sa]!.length > 0) return 5;
    const sim = mode === 1 ? jaroWinkler(strs[a]!, strs[b]!) : jaroWinkler(sk[sa]!, sk[sb]!);
    if (sim >= 0.92) return 4;
    if (sim >= 0.8) return 3;
    return 0;
  }

  /**
   * Token of one name-part value: id * 2 + 1 for Latin script, id * 2 for Arabic, -1 for none.
   * Cached per distinct raw string (names repeat enormously), up to CACHE_MAX strings.
   */
  private partToken(v: string): number {
    let c = this.partCache.get(v);
    if (c !== undefined) return c;
    if (isArabic(v)) {
      const t = arabicTokens(v).map(stripArticle).join('');
      c = t ? this.tok(t) * 2 : -1;
    } else {
      const t = latinTokens(v).map(stripArticle).join('');
      c = t ? this.tok(t) * 2 + 1 : -1;
    }
    if (this.partCache.size < CACHE_MAX) this.partCache.set(v, c);
    return c;
  }

  /** Tokens of a full name: [script (1 Arabic, 2 Latin), 4 part ids (-1 missing)], cached. */
  private fullTokens(v: string): Int32Array {
    let c = this.fullCache.get(v);
    if (c !== undefined) return c;
    const arabic = isArabic(v);
    const tokens = arabic ? arabicTokens(v) : latinTokens(v);
    c = new Int32Array([arabic ? 1 : 2, -1, -1, -1, -1]);
    if (tokens.length) {
      const parts = assignParts(tokens.map(stripArticle));
      for (let p = 0; p < 4; p++) c[p + 1] = parts[p] ? this.tok(parts[p]!) : -1;
    }
    if (this.fullCache.size < CACHE_MAX) this.fullCache.set(v, c);
    return c;
  }

  private readonly partCache = new Map<string, number>();
  private readonly fullCache = new Map<string, Int32Array>();
  private readonly arTmp = new Int32Array(4);
  private readonly latTmp = new Int32Array(4);

  add(rec: RawRecord, row: number, count = true): void {
    const ar = this.arTmp.fill(-1),
      lat = this.latTmp.fill(-1);
    let hasAr = false,
      hasLat = false;
    for (let p = 0; p < 4; p++) {
      const col = this.cols.parts[p];
      if (!col) continue;
      const v = val(rec, col);
      if (!v) continue;
      const t = this.partToken(v);
      if (t < 0) continue;
      if (t & 1) {
        lat[p] = t >> 1;
        hasLat = true;
      } else {
        ar[p] = t >> 1;
        hasAr = true;
      }
    }
    for (const col of [this.cols.fullName, this.cols.fullNameEn]) {
      if (!col) continue;
      const v = val(rec, col);
      if (!v) continue;
      const f = this.fullTokens(v);
      const target = f[0] === 1 ? ar : lat;
      if ((f[0] === 1 ? hasAr : hasLat) || (f[1]! < 0 && f[2]! < 0 && f[3]! < 0 && f[4]! < 0)) continue;
      for (let p = 0; p < 4; p++) target[p] = f[p + 1]!;
      if (f[0] === 1) hasAr = true;
      else hasLat = true;
    }
    this.script.set(row, (hasAr ? 1 : 0) | (hasLat ? 2 : 0));
    for (let p = 0; p < 4; p++) {
      const a = ar[p]!;
      const l = lat[p]!;
      this.ar.set(row * 4 + p, a);
      this.lat.set(row * 4 + p, l);
      const prim = a >= 0 ? a : l;
      if (prim >= 0 && count) {
        this.freq[p]!.add(prim);
        this.skelFreq[p]!.add(this.skelOf.a[prim]!);
      }
    }
  }

  /** Parts array (ar or lat) to compare rows i and j with; null when cross-script. */
  pick(i: number, j: number): Int32Array | null {
    const both = this.script.a[i]! & this.script.a[j]!;
    if (both & 1) return this.ar.a;
    if (both & 2) return this.lat.a;
    return null;
  }

  /** Primary token (Arabic if present) of part p of row r, or -1. */
  primary(r: number, p: number): number {
    const a = this.ar.a[r * 4 + p]!;
    return a >= 0 ? a : this.lat.a[r * 4 + p]!;
  }

  partsFor(r: number, arr: Int32Array | null, p: number): number {
    if (arr) return arr[r * 4 + p]!;
    return this.primary(r, p);
  }
}

export class NamePartField implements Field {
  readonly type = 'name';
  readonly levels = ['disagree', 'shifted part', 'similar', 'very similar', 'same sound', 'exact'] as const;
  readonly p: number;
  constructor(
    readonly name: string,
    readonly store: NameStore,
    part: Part,
    readonly tf: boolean,
  ) {
    this.p = PARTS.indexOf(part);
  }
  add(): void {}
  compare(i: number, j: number): number {
    const s = this.store;
    const arr = s.pick(i, j);
    const p = this.p;
    const a = s.partsFor(i, arr, p),
      b = s.partsFor(j, arr, p);
    if (a < 0 || b < 0) {
      if (a < 0 && b < 0) return 0;
      return 0;
    }
    if (a === b) return 6;
    const lv = s.tokenLevel(a, b, arr === s.ar.a ? 0 : arr ? 1 : 2);
    if (lv !== 0) return lv;
    const skel = s.skelOf.a;
    const sa = skel[a]!,
      sb = skel[b]!;
    // shifted or swapped: a equals another part of j, or b another part of i
    for (let q = 0; q < 4; q++) {
      if (q === p) continue;
      const bq = s.partsFor(j, arr, q);
      if (bq >= 0 && skel[bq] === sa) return 2;
      const aq = s.partsFor(i, arr, q);
      if (aq >= 0 && skel[aq] === sb) return 2;
    }
    return 1;
  }
  tfAdjust(i: number, j: number, code: number): number {
    if (!this.tf) return 0;
    const s = this.store;
    if (code === 6) {
      const arr = s.pick(i, j);
      return s.freq[this.p]!.adjust(s.partsFor(i, arr, this.p));
    }
    if (code === 5) {
      const t = s.primary(i, this.p);
      return t >= 0 ? s.skelFreq[this.p]!.adjust(s.skelOf.a[t]!) : 0;
    }
    return 0;
  }
  blockKey(mode: string, i: number): number {
    const t = this.store.primary(i, this.p);
    if (t < 0) return 0;
    if (mode === 'exact') return t + 1;
    const sk = this.store.skelOf.a[t]!;
    if (mode === 'skel' || mode === '') return this.store.skelDict.strings[sk]!.length ? sk + 1 : 0;
    if (mode === 'initial') return (this.store.skelDict.strings[sk]!.charCodeAt(0) || 0) + 1;
    throw new Error(`unknown blocking mode ${mode} for a name part`);
  }
  stableKey(mode: string, i: number): number {
    const s = this.store;
    const t = s.primary(i, this.p);
    if (t < 0) return 0;
    if (mode === 'exact') return memoHash(s.tokHash, s.dict.strings, t);
    const sk = s.skelOf.a[t]!;
    if (mode === 'skel' || mode === '') return s.skelDict.strings[sk]!.length ? memoHash(s.skelHash, s.skelDict.strings, sk) : 0;
    return this.blockKey(mode, i);
  }
  show(i: number): string {
    const s = this.store;
    const a = s.ar.a[i * 4 + this.p]!,
      l = s.lat.a[i * 4 + this.p]!;
    return [a >= 0 ? s.dict.strings[a] : '', l >= 0 ? s.dict.strings[l] : ''].filter(Boolean).join(' / ');
  }
}

// ---------------------------------------------------------------------------------------------
// Dates of birth (with age as a year-only fallback)

/**
 * True when the dates (year, month * 32 + day), written yyyymmdd, differ by exactly one digit or
 * one transposition of adjacent digits (as oneEditKind on the strings, without building them).
 */
function oneDigitEdit(yi: number, mdi: number, yj: number, mdj: number): boolean {
  if (yi < 1000 || yi > 9999 || yj < 1000 || yj > 9999) return false;
  let x = yi * 10000 + (mdi >> 5) * 100 + (mdi & 31);
  let y = yj * 10000 + (mdj >> 5) * 100 + (mdj & 31);
  if (x === y) return false;
  // digits from the right: position 0 is the last digit
  let first = -1,
    count = 0,
    x0 = 0,
    y0 = 0,
    x1 = 0,
    y1 = 0;
  for (let k = 0; k < 8; k++) {
    const dx = x % 10,
      dy = y % 10;
    x = (x - dx) / 10;
    y = (y - dy) / 10;
    if (dx !== dy) {
      if (count === 0) {
        first = k;
        x0 = dx;
        y0 = dy;
      } else if (count === 1) {
        if (k !== first + 1) return false;
        x1 = dx;
        y1 = dy;
      }
      if (++count > 2) return false;
    }
  }
  return count === 1 || (x0 === y1 && x1 === y0);
}

export class DateField implements Field {
  readonly type = 'date';
  readonly levels = [
    'disagree',
    'year +-1',
    'same year',
    'year only or 01-01',
    'same year and month',
    'swapped or one typo',
    'exact',
  ] as const;
  readonly y = new GrowI32();
  /** month * 32 + day; 0 = year only */
  readonly md = new GrowI32();
  readonly freq = new Freq();
  constructor(
    readonly name: string,
    readonly column: string,
    readonly ageColumn: string | null,
    readonly referenceYear: number,
    readonly placeholder0101: boolean,
    readonly tf: boolean,
  ) {}
  add(rec: RawRecord, row: number, _source: number, count: boolean): void {
    const v = val(rec, this.column);
    let y = 0,
      m = 0,
      d = 0;
    let mt: RegExpMatchArray | null;
    if ((mt = v.match(/^(\d{4})[-/.]?(\d{1,2})?[-/.]?(\d{1,2})?/)) && v.length >= 4) {
      y = +mt[1]!;
      if (/^\d{8}$/.test(v)) {
        m = +v.slice(4, 6);
        d = +v.slice(6, 8);
      } else {
        m = mt[2] ? +mt[2] : 0;
        d = mt[3] ? +mt[3] : 0;
      }
    } else if ((mt = v.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) {
      d = +mt[1]!;
      m = +mt[2]!;
      y = +mt[3]!;
    }
    if (m > 31) m = 31;
    if (d > 31) d = 31;
    if (y === 0 && this.ageColumn) {
      const age = parseInt(val(rec, this.ageColumn), 10);
      if (Number.isFinite(age) && age >= 0 && age < 130) y = this.referenceYear - age;
    }
    this.y.set(row, y);
    this.md.set(row, m * 32 + d);
    // counted only for the term-frequency adjustment (keys up to 2,000,000: an 8 MB column)
    if (y && count && this.tf) this.freq.add(this.key(row));
  }
  private key(r: number): number {
    return this.y.a[r]! * 1024 + this.md.a[r]!;
  }
  private yearOnly(r: number): boolean {
    const md = this.md.a[r]!;
    const m = md >> 5,
      d = md & 31;
    return m === 0 || d === 0 || (this.placeholder0101 && m === 1 && d === 1);
  }
  compare(i: number, j: number): number {
    const yi = this.y.a[i]!,
      yj = this.y.a[j]!;
    if (!yi || !yj) return 0;
    const mdi = this.md.a[i]!,
      mdj = this.md.a[j]!;
    if (yi === yj && mdi === mdj && !this.yearOnly(i)) return 7;
    const yo = this.yearOnly(i) || this.yearOnly(j);
    if (!yo) {
      const mi = mdi >> 5,
        di = mdi & 31,
        mj = mdj >> 5,
        dj = mdj & 31;
      if (yi === yj && mi === dj && di === mj) return 6;
      if (oneDigitEdit(yi, mdi, yj, mdj)) return 6;
      if (yi === yj && mi === mj) return 5;
      if (yi === yj) return 3;
    } else if (yi === yj) {
      // year-only, 01-01 placeholder, or same year with an unknown month/day
      const mi = mdi >> 5,
        mj = mdj >> 5;
      if (mi && mj && mi !== mj && !(this.placeholder0101 && (mdi === 33 || mdj === 33))) return 3;
      return 4;
    }
    if (Math.abs(yi - yj) === 1) return 2;
    return 1;
  }
  tfAdjust(i: number, _j: number, code: number): number {
    return this.tf && code === 7 ? this.freq.adjust(this.key(i)) : 0;
  }
  blockKey(mode: string, i: number): number {
    const y = this.y.a[i]!;
    if (!y) return 0;
    const md = this.md.a[i]!;
    switch (mode) {
      case '':
      case 'exact':
        return md >> 5 && md & 31 ? y * 1024 + md : 0;
      case 'year':
        return y;
      case 'ym':
        return md >> 5 ? y * 16 + (md >> 5) : 0;
      case 'md':
        return md >> 5 && md & 31 && !(this.placeholder0101 && md === 33) ? md : 0;
      case 'yd':
        return md & 31 ? y * 32 + (md & 31) : 0;
      default:
        throw new Error(`unknown blocking mode ${mode} for a date`);
    }
  }
  stableKey(mode: string, i: number): number {
    return this.blockKey(mode, i);
  }
  show(i: number): string {
    const y = this.y.a[i]!;
    if (!y) return '';
    const md = this.md.a[i]!;
    const m = md >> 5,
      d = md & 31;
    return m ? `${y}-${String(m).padStart(2, '0')}${d ? `-${String(d).padStart(2, '0')}` : ''}` : String(y);
  }
}

// ---------------------------------------------------------------------------------------------
// Identifiers (national ID, social security number): exact / one typo / the check digit

export class IdField implements Field {
  readonly type = 'id';
  readonly levels = ['disagree', 'one substitution', 'one transposition', 'one typo, check digit points to it', 'exact'] as const;
  readonly dict = new DigitDict();
  readonly v = new GrowI32();
  /** 1 = passes the check digit, 0 = fails, 2 = no check digit configured */
  readonly valid = new GrowI32();
  constructor(
    readonly name: string,
    readonly column: string,
    readonly checkDigit: 'luhn' | 'none',
    readonly conflictOnMismatch: boolean,
  ) {}
  add(rec: RawRecord, row: number): void {
    const d = digitsOnly(val(rec, this.column));
    const ok = d.length >= 4 && !/^(\d)\1+$/.test(d);
    this.v.set(row, ok ? this.dict.id(d) + 1 : 0);
    this.valid.set(row, !ok ? 0 : this.checkDigit === 'luhn' ? (luhnValid(d) && d.length === 9 ? 1 : 0) : 2);
  }
  compare(i: number, j: number): number {
    const a = this.v.a[i]!,
      b = this.v.a[j]!;
    if (!a || !b) return 0;
    if (a === b) return 5;
    const k = this.dict.oneEditKind(a - 1, b - 1);
    if (k === 0) return 1;
    if (this.checkDigit === 'luhn' && this.valid.a[i]! + this.valid.a[j]! === 1) return 4;
    return k === 1 ? 2 : 3;
  }
  tfAdjust(): number {
    return 0;
  }
  conflict(i: number, j: number): boolean {
    if (!this.conflictOnMismatch) return false;
    const a = this.v.a[i]!,
      b = this.v.a[j]!;
    return a !== 0 && b !== 0 && a !== b && this.valid.a[i] !== 0 && this.valid.a[j] !== 0;
  }
  blockKey(_mode: string, i: number): number {
    return this.v.a[i]!;
  }
  private readonly hashes = new GrowI32();
  stableKey(_mode: string, i: number): number {
    const a = this.v.a[i]!;
    return a ? memoDigitHash(this.hashes, this.dict, a - 1) : 0;
  }
  show(i: number): string {
    const a = this.v.a[i]!;
    return a ? this.dict.string(a - 1) + (this.valid.a[i] === 0 ? ' (check digit fails)' : '') : '';
  }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers: the last 9 digits

export class PhoneField implements Field {
  readonly type = 'phone';
  readonly levels = ['disagree', 'one typo', 'exact'] as const;
  readonly dict = new DigitDict();
  readonly v = new GrowI32();
  constructor(
    readonly name: string,
    readonly column: string,
  ) {}
  add(rec: RawRecord, row: number): void {
    const d = digitsOnly(val(rec, this.column)).slice(-9);
    this.v.set(row, d.length >= 6 ? this.dict.id(d) + 1 : 0);
  }
  compare(i: number, j: number): number {
    const a = this.v.a[i]!,
      b = this.v.a[j]!;
    if (!a || !b) return 0;
    if (a === b) return 3;
    return this.dict.oneEditKind(a - 1, b - 1) ? 2 : 1;
  }
  tfAdjust(): number {
    return 0;
  }
  blockKey(_mode: string, i: number): number {
    return this.v.a[i]!;
  }
  private readonly hashes = new GrowI32();
  stableKey(_mode: string, i: number): number {
    const a = this.v.a[i]!;
    return a ? memoDigitHash(this.hashes, this.dict, a - 1) : 0;
  }
  show(i: number): string {
    const a = this.v.a[i]!;
    return a ? this.dict.string(a - 1) : '';
  }
}

// ---------------------------------------------------------------------------------------------
// Sex

export function parseSex(v: string): number {
  const s = v.trim().toLowerCase();
  if (!s) return 0;
  if (['m', 'male', 'man', 'boy', 'ذكر', 'ذ', 'م'].includes(s)) return 1;
  if (['f', 'female', 'woman', 'girl', 'انثى', 'أنثى', 'ا', 'ث'].includes(s)) return 2;
  return 0;
}

export class SexField implements Field {
  readonly type = 'sex';
  readonly levels = ['disagree', 'agree'] as const;
  readonly v = new GrowI32();
  constructor(
    readonly name: string,
    readonly column: string,
  ) {}
  add(rec: RawRecord, row: number): void {
    this.v.set(row, parseSex(val(rec, this.column)));
  }
  compare(i: number, j: number): number {
    const a = this.v.a[i]!,
      b = this.v.a[j]!;
    if (!a || !b) return 0;
    return a === b ? 2 : 1;
  }
  tfAdjust(): number {
    return 0;
  }
  blockKey(_m: string, i: number): number {
    return this.v.a[i]!;
  }
  stableKey(_m: string, i: number): number {
    return this.v.a[i]!;
  }
  show(i: number): string {
    return ['', 'm', 'f'][this.v.a[i]!] ?? '';
  }
}

// ---------------------------------------------------------------------------------------------
// Generic strings: category (exact or not) and string (graded by Jaro-Winkler)

export class StringField implements Field {
  readonly levels: readonly string[];
  readonly dict = new Dict();
  readonly v = new GrowI32();
  readonly freq = new Freq();
  constructor(
    readonly name: string,
    readonly column: string,
    readonly type: 'string' | 'category' | 'number',
    readonly tf: boolean,
  ) {
    this.levels = type === 'string' ? ['disagree', 'similar', 'very similar', 'exact'] : ['disagree', 'exact'];
  }
  add(rec: RawRecord, row: number, _source: number, count: boolean): void {
    const raw = val(rec, this.column);
    const s = isArabic(raw) ? raw.replace(/\s+/g, ' ') : normalizeLatin(raw);
    const id = s ? this.dict.id(s) + 1 : 0;
    this.v.set(row, id);
    if (id && count) this.freq.add(id);
  }
  compare(i: number, j: number): number {
    const a = this.v.a[i]!,
      b = this.v.a[j]!;
    if (!a || !b) return 0;
    if (this.type !== 'string') return a === b ? 2 : 1;
    if (a === b) return 4;
    const sim = jaroWinkler(this.dict.strings[a - 1]!, this.dict.strings[b - 1]!);
    return sim >= 0.92 ? 3 : sim >= 0.8 ? 2 : 1;
  }
  tfAdjust(i: number, _j: number, code: number): number {
    if (!this.tf || code !== this.levels.length) return 0;
    return this.freq.adjust(this.v.a[i]!);
  }
  blockKey(mode: string, i: number): number {
    const a = this.v.a[i]!;
    if (!a) return 0;
    if (mode.startsWith('prefix')) {
      const n = parseInt(mode.slice(6), 10) || 3;
      return hashString(this.dict.strings[a - 1]!.slice(0, n)) | 1;
    }
    return a;
  }
  private readonly hashes = new GrowI32();
  stableKey(mode: string, i: number): number {
    const a = this.v.a[i]!;
    if (!a || mode.startsWith('prefix')) return this.blockKey(mode, i);
    return memoHash(this.hashes, this.dict.strings, a - 1);
  }
  show(i: number): string {
    const a = this.v.a[i]!;
    return a ? this.dict.strings[a - 1]! : '';
  }
}

/**
 * How many values two ascending runs of `t` share: t[a..ae) and t[b..be), each without repeats
 * (a merge walk: linear, no allocation; called once per compared pair).
 */
function sharedSorted(t: Int32Array, a: number, ae: number, b: number, be: number): number {
  let shared = 0;
  while (a < ae && b < be) {
    const x = t[a]!,
      y = t[b]!;
    if (x === y) {
      shared++;
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  return shared;
}

// ---------------------------------------------------------------------------------------------
// Token sets (a free-form full name, an address line): how much of the shorter set is shared

export class TokensField implements Field {
  readonly type = 'tokens';
  readonly levels = ['none shared', 'some shared', 'most shared', 'all of the shorter shared'] as const;
  readonly dict = new Dict();
  readonly off = new GrowI32();
  readonly toks = new GrowI32(8192);
  constructor(
    readonly name: string,
    readonly column: string,
  ) {
    this.off.push(0);
  }
  add(rec: RawRecord, row: number): void {
    if (row === this.off.n - 2) {
      // overwrite the last row (a scratch query row)
      this.toks.n = this.off.a[row]!;
      this.off.n = row + 1;
    }
    if (row !== this.off.n - 1) throw new Error('tokens field rows must be added in order');
    const raw = val(rec, this.column);
    const toks = isArabic(raw) ? arabicTokens(raw).map(stripArticle) : latinTokens(raw).map(stripArticle);
    const ids = [...new Set(toks.filter(Boolean).map((t) => this.dict.id(t)))].sort((a, b) => a - b);
    for (const t of ids) this.toks.push(t);
    this.off.push(this.toks.n);
  }
  compare(i: number, j: number): number {
    const o = this.off.a;
    const na = o[i + 1]! - o[i]!,
      nb = o[j + 1]! - o[j]!;
    if (!na || !nb) return 0;
    const shared = sharedSorted(this.toks.a, o[i]!, o[i + 1]!, o[j]!, o[j + 1]!);
    const small = Math.min(na, nb);
    if (shared === 0) return 1;
    if (shared === small && small >= 2) return 4;
    if (shared * 2 >= small) return 3;
    return 2;
  }
  tfAdjust(): number {
    return 0;
  }
  blockKey(_m: string, i: number): number {
    const o = this.off.a;
    let h = 0x1234567;
    for (let k = o[i]!; k < o[i + 1]!; k++) h = mix(h, this.toks.a[k]!);
    return o[i + 1]! > o[i]! ? h | 1 : 0;
  }
  show(i: number): string {
    const o = this.off.a;
    const out: string[] = [];
    for (let k = o[i]!; k < o[i + 1]!; k++) out.push(this.dict.strings[this.toks.a[k]!]!);
    return out.join(' ');
  }
}

// ---------------------------------------------------------------------------------------------
// Household evidence: the given names of the other members of each record's household (within its
// own input). A child's father_name is the given name of the father in the same household, so
// shared member names corroborate that two records are the same person in the same family.

export class HouseholdField implements Field {
  readonly type = 'household';
  readonly levels = ['no member shared', 'one member name shared', 'several member names shared'] as const;
  readonly hh = new GrowI32();
  readonly src = new GrowI32();
  readonly hhDict = new Dict();
  /** sorted given-name skeleton ids of the other members, CSR */
  off: Int32Array = new Int32Array(1);
  mem: Int32Array = new Int32Array(0);
  constructor(
    readonly name: string,
    readonly column: string,
    readonly names: NameStore,
  ) {}
  add(rec: RawRecord, row: number, source: number): void {
    const h = val(rec, this.column);
    this.hh.set(row, h ? this.hhDict.id(`${source}\u0000${h}`) + 1 : 0);
    this.src.set(row, source);
  }
  finalize(): void {
    const n = this.hh.n;
    const groups = new Map<number, number[]>();
    for (let r = 0; r < n; r++) {
      const h = this.hh.a[r]!;
      if (!h) continue;
      let g = groups.get(h);
      if (!g) groups.set(h, (g = []));
      g.push(r);
    }
    const lists: number[][] = new Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      const h = this.hh.a[r]!;
      const g = h ? groups.get(h)! : [];
      const set = new Set<number>();
      for (const o of g) {
        if (o === r) continue;
        const t = this.names.primary(o, 0);
        if (t >= 0) set.add(this.names.skelOf.a[t]!);
      }
      lists[r] = [...set].sort((a, b) => a - b);
      total += lists[r]!.length;
    }
    this.off = new Int32Array(n + 1);
    this.mem = new Int32Array(total);
    let k = 0;
    for (let r = 0; r < n; r++) {
      this.off[r] = k;
      for (const x of lists[r]!) this.mem[k++] = x;
    }
    this.off[n] = k;
  }
  compare(i: number, j: number): number {
    const o = this.off;
    if (i + 1 >= o.length || j + 1 >= o.length) return 0;
    if (o[i] === o[i + 1] || o[j] === o[j + 1]) return 0;
    const shared = sharedSorted(this.mem, o[i]!, o[i + 1]!, o[j]!, o[j + 1]!);
    return shared === 0 ? 1 : shared === 1 ? 2 : 3;
  }
  tfAdjust(): number {
    return 0;
  }
  blockKey(_m: string, i: number): number {
    return this.hh.a[i]!;
  }
  show(i: number): string {
    const o = this.off;
    if (i + 1 >= o.length) return '';
    const out: string[] = [];
    for (let k = o[i]!; k < o[i + 1]!; k++) out.push(this.names.skelDict.strings[this.mem[k]!]!);
    return out.join(' ');
  }
}
