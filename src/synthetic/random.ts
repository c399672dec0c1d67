// Seeded pseudo-random numbers for the synthetic data generator: sfc32 (fast, 128-bit state, good
// statistical quality), a 32-bit integer mixer for stateless per-key decisions and opaque ids, and
// an alias table for O(1) weighted picks. Deterministic for a seed on every platform.

/** murmur3 finaliser: a bijection on uint32, so distinct keys give distinct outputs. */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Combines a seed and up to three keys into one well-mixed uint32. */
export function hash32(seed: number, a: number, b = 0, c = 0): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32((h ^ (a >>> 0)) >>> 0);
  h = mix32((h + Math.imul(b >>> 0, 0x27d4eb2d)) >>> 0);
  return mix32((h ^ Math.imul(c >>> 0, 0x165667b1)) >>> 0);
}

/** A uniform number in [0, 1) from a key, without creating a generator. */
export function unit(seed: number, a: number, b = 0, c = 0): number {
  return hash32(seed, a, b, c) / 4294967296;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for (seed, stream): different streams of one seed are independent. */
  constructor(seed: number, stream = 0, sub = 0) {
    this.a = hash32(seed, stream, sub, 1);
    this.b = hash32(seed, stream, sub, 2);
    this.c = hash32(seed, stream, sub, 3);
    this.d = 1;
    for (let i = 0; i < 8; i++) this.u32();
  }

  /** sfc32 step: a uniform uint32. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Approximately normal (sum of four uniforms), cheap and bounded to mean ± 3.46 sd. */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + s * sd * 1.7320508;
  }

  /** Fisher–Yates in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }
}

/** Walker's alias method: weighted pick in O(1) after O(n) setup. */
export class AliasTable<T> {
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    const n = items.length;
    if (n === 0 || weights.length !== n) throw new RangeError('alias table needs one weight per item');
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new RangeError('alias table weights must sum to a positive number');
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length && large.length) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.prob[i] = 1;
  }

  index(rng: Rng): number {
    const u = rng.next() * this.prob.length;
    const i = Math.floor(u);
    return u - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }

  sample(rng: Rng): T {
    return this.items[this.index(rng)] as T;
  }
}

/** Weighted pick from a small inline table: [[value, weight], ...]. */
export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let u = rng.next() * total;
  for (const [v, w] of table) {
    if ((u -= w) < 0) return v;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}
