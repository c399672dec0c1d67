// Growable typed columns and string dictionaries: the engine's storage. Records are integer rows;
// every value the comparators need is an integer code or a typed-array cell, so comparing a pair
// allocates nothing.

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
