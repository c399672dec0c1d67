// Growable typed columns and string dictionaries: the engine's storage. Records are integer rows;
// every value the comparators need is an integer code or a typed-array cell, so comparing a pair
// allocates nothing.
import { oneEditKind } from './text.ts';

/** A copy of `a` at least `min` long: its length doubled as often as needed, the new cells zero. */
function grown<T extends Int32Array | Float64Array>(a: T, min: number): T {
  let len = a.length * 2;
  while (len < min) len *= 2;
  const b = (a instanceof Int32Array ? new Int32Array(len) : new Float64Array(len)) as T;
  b.set(a);
  return b;
}

export class GrowI32 {
  a: Int32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.a.length) this.a = grown(this.a, this.n + 1);
    this.a[this.n++] = v;
  }
  /** Sets cell i, growing (zero-filled) as needed. */
  set(i: number, v: number): void {
    if (i >= this.a.length) this.a = grown(this.a, i + 1);
    this.a[i] = v;
    if (i >= this.n) this.n = i + 1;
  }
  get(i: number): number {
    return i < this.n ? this.a[i]! : 0;
  }
  inc(i: number): void {
    this.set(i, this.get(i) + 1);
  }
}

export class GrowF64 {
  a: Float64Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.a.length) this.a = grown(this.a, this.n + 1);
    this.a[this.n++] = v;
  }
}

/** Interns strings as dense integer ids (0, 1, 2, ...). */
export class Dict {
  readonly map = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.strings.length;
      this.map.set(s, v);
      this.strings.push(s);
    }
    return v;
  }
  get size(): number {
    return this.strings.length;
  }
}

/** Counts of values (by id) for term-frequency adjustment. */
export class Freq {
  readonly counts = new GrowI32();
  total = 0;
  sumSq = 0;
  add(id: number): void {
    const c = this.counts.get(id);
    this.sumSq += 2 * c + 1;
    this.counts.set(id, c + 1);
    this.total++;
  }
  /**
   * log2(expected frequency of an agreeing value / frequency of this value): positive for rare
   * values, negative for common ones. Clamped so that one value never dominates a decision.
   */
  adjust(id: number): number {
    if (this.total < 2) return 0;
    // memoised per id until the next add (log2 per pair is measurable at millions of pairs)
    if (id >= 0 && id < this.memoAt.length && this.memoAt[id] === this.total) return this.memo[id]!;
    const c = Math.max(1, this.counts.get(id));
    const avg = this.sumSq / this.total; // expected count of the value of a random agreeing pair
    const x = Math.log2(avg / c);
    const v = x < -6 ? -6 : Math.min(x, 6);
    if (id >= 0) {
      if (id >= this.memoAt.length) {
        const len = Math.max(1024, id * 2);
        const at = new Int32Array(len),
          m = new Float64Array(len);
        at.set(this.memoAt);
        m.set(this.memo);
        this.memoAt = at;
        this.memo = m;
      }
      this.memoAt[id] = this.total;
      this.memo[id] = v;
    }
    return v;
  }
  private memoAt = new Int32Array(0);
  private memo = new Float64Array(0);
}

/** Longest digit string a DigitDict keeps as a number (below 2^53). */
const NUMERIC_DIGITS = 15;

/**
 * Interns digit strings (IDs, phones: '0'-'9' only) as dense ids (0, 1, 2, ...), as Dict would, by
 * their value and length: a value of up to 15 digits is a number (leading zeros kept by the length),
 * so that kept prepared rows (preparedRows.ts) and comparisons need no string. A value's string is
 * made when asked (and kept); longer values are kept as strings.
 */
export class DigitDict {
  private readonly byLength: Map<number, number>[] = Array.from({ length: NUMERIC_DIGITS + 1 }, () => new Map());
  private readonly long = new Map<string, number>();
  /** per id: its length, and its value (NaN for a value of more than 15 digits) */
  readonly length = new GrowI32();
  readonly value = new GrowF64();
  private readonly strings: (string | undefined)[] = [];

  /** The id of digit string `s`. */
  id(s: string): number {
    if (s.length === 0 || s.length > NUMERIC_DIGITS) {
      let v = this.long.get(s);
      if (v === undefined) {
        v = this.push(s.length, Number.NaN);
        this.long.set(s, v);
        this.strings[v] = s;
      }
      return v;
    }
    const v = this.idOf(s.length, Number(s));
    this.strings[v] ??= s;
    return v;
  }

  /** The id of the digit string of `length` digits (1 to 15) whose value is `value`. */
  idOf(length: number, value: number): number {
    const m = this.byLength[length]!;
    let v = m.get(value);
    if (v === undefined) {
      v = this.push(length, value);
      m.set(value, v);
    }
    return v;
  }

  private push(length: number, value: number): number {
    const v = this.length.n;
    this.length.push(length);
    this.value.push(value);
    return v;
  }

  /** The digit string of id `v`. */
  string(v: number): string {
    let s = this.strings[v];
    if (s === undefined) this.strings[v] = s = String(this.value.a[v]!).padStart(this.length.a[v]!, '0');
    return s;
  }

  get size(): number {
    return this.length.n;
  }

  /**
   * oneEditKind (text.ts) of the strings of ids `a` and `b`: 1 one digit differs, 2 two adjacent
   * digits swapped, 0 otherwise (or equal, or of different lengths); by their values when numbers.
   */
  oneEditKind(a: number, b: number): 0 | 1 | 2 {
    const len = this.length.a[a]!;
    if (len !== this.length.a[b]! || a === b) return 0;
    let x = this.value.a[a]!,
      y = this.value.a[b]!;
    if (Number.isNaN(x)) return oneEditKind(this.string(a), this.string(b));
    // the digits from the last: the first difference (its digits), then at most one more
    let first = -1,
      count = 0,
      fx = 0,
      fy = 0;
    for (let k = 0; k < len; k++) {
      const dx = x % 10,
        dy = y % 10;
      x = (x - dx) / 10;
      y = (y - dy) / 10;
      if (dx === dy) continue;
      count++;
      if (count === 1) {
        first = k;
        fx = dx;
        fy = dy;
      } else if (count > 2 || k !== first + 1 || dx !== fy || dy !== fx) return 0;
    }
    return count === 1 ? 1 : count === 2 ? 2 : 0;
  }
}
