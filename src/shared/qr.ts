// A small QR code encoder (ISO/IEC 18004), enough for an otpauth:// URI: byte mode, error
// correction level M, the smallest version (1 to 40) that holds the text, the mask with the lowest
// penalty. Written for Sanad; used by the web app (enrolment, a household's card, loaded on demand)
// and the server (a cycle's card sheet, src/aid/cardSheet.ts). Returns the module matrix (true =
// dark), rows top to bottom, without the quiet zone.

// Error correction level M, by version (index 0 unused): codewords per block and number of blocks.
const EC_PER_BLOCK = [
  0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28,
];
const BLOCKS = [
  0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43,
  45, 47, 49,
];
const EC_LEVEL_M = 0b00; // format bits of level M

/** Modules left for data and error correction once the function patterns are placed. */
function rawDataModules(version: number): number {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

const totalCodewords = (v: number) => Math.floor(rawDataModules(v) / 8);
const dataCodewords = (v: number) => totalCodewords(v) - EC_PER_BLOCK[v]! * BLOCKS[v]!;

/** Centre coordinates of the alignment patterns (the same list for rows and columns). */
function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** Reed-Solomon generator of the given degree, highest coefficient first (monic). */
function generator(degree: number): number[] {
  let g = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(g.length + 1).fill(0);
    for (let j = 0; j < g.length; j++) {
      next[j]! ^= g[j]!; // times x
      next[j + 1]! ^= mul(g[j]!, EXP[i]!); // times alpha^i
    }
    g = next;
  }
  return g;
}

/** The error correction codewords: the remainder of data(x) * x^n divided by the generator. */
export function reedSolomon(data: readonly number[], n: number): number[] {
  const g = generator(n);
  const rem = new Array<number>(n).fill(0);
  for (const b of data) {
    const factor = b ^ rem.shift()!;
    rem.push(0);
    for (let j = 0; j < n; j++) rem[j]! ^= mul(g[j + 1]!, factor);
  }
  return rem;
}

/** The smallest version (level M, byte mode) that holds `length` bytes, or undefined. */
export function versionFor(length: number): number | undefined {
  for (let v = 1; v <= 40; v++) if (4 + (v < 10 ? 8 : 16) + 8 * length <= dataCodewords(v) * 8) return v;
  return undefined;
}

/** The codewords in the order they are placed: data and error correction, interleaved by block. */
function codewords(bytes: Uint8Array, version: number): number[] {
  const capacity = dataCodewords(version) * 8;
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4); // byte mode
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity - bits.length)); // terminator
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));

  const blocks = BLOCKS[version]!;
  const ecLen = EC_PER_BLOCK[version]!;
  const total = totalCodewords(version);
  const shortBlocks = blocks - (total % blocks);
  const shortLen = Math.floor(total / blocks) - ecLen;
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  for (let b = 0, k = 0; b < blocks; b++) {
    const len = shortLen + (b < shortBlocks ? 0 : 1);
    const d = data.slice(k, k + len);
    k += len;
    dataBlocks.push(d);
    ecBlocks.push(reedSolomon(d, ecLen));
  }
  const out: number[] = [];
  for (let i = 0; i <= shortLen; i++) for (const d of dataBlocks) if (i < d.length) out.push(d[i]!);
  for (let i = 0; i < ecLen; i++) for (const e of ecBlocks) out.push(e[i]!);
  return out;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** 15 format bits: level and mask, BCH(15,5), XOR 0x5412. */
export function formatBits(mask: number): number {
  const data = (EC_LEVEL_M << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** 18 version bits (versions 7 and up): version, BCH(18,6). */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
}

const FINDER_LIGHT_AFTER = 0b10111010000;
const FINDER_LIGHT_BEFORE = 0b00001011101;

class Matrix {
  readonly size: number;
  readonly dark: boolean[][];
  readonly fixed: boolean[][];
  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.fixed = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }
  set(x: number, y: number, dark: boolean) {
    this.dark[y]![x] = dark;
    this.fixed[y]![x] = true;
  }

  functionPatterns() {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [
      [3, 3],
      [n - 4, 3],
      [3, n - 4],
    ] as const) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          if (x < 0 || y < 0 || x >= n || y >= n) continue;
          const d = Math.max(Math.abs(dx), Math.abs(dy));
          this.set(x, y, d !== 2 && d !== 4);
        }
      }
    }
    const pos = alignmentPositions(this.version);
    const last = pos.length - 1;
    pos.forEach((cy, i) => {
      pos.forEach((cx, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return; // the finders' corners
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      });
    });
    this.format(0); // reserves the format areas; drawn again with the chosen mask
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = n - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }

  format(mask: number) {
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    const n = this.size;
    // around the top-left finder
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    // beside the other two finders
    for (let i = 0; i < 8; i++) this.set(n - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, n - 15 + i, bit(i));
    this.set(8, n - 8, true); // the dark module
  }

  place(words: readonly number[]) {
    const n = this.size;
    let i = 0;
    for (let right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // skip the vertical timing pattern
      const upward = ((right + 1) & 2) === 0;
      for (let v = 0; v < n; v++) {
        const y = upward ? n - 1 - v : v;
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          if (this.fixed[y]![x]) continue;
          if (i < words.length * 8) this.dark[y]![x] = ((words[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++; // remainder bits stay light
        }
      }
    }
  }

  applyMask(mask: number) {
    const f = MASKS[mask]!;
    for (let y = 0; y < this.size; y++)
      for (let x = 0; x < this.size; x++) if (!this.fixed[y]![x] && f(x, y)) this.dark[y]![x] = !this.dark[y]![x];
  }

  /** The modules as a flat array (1 = dark), row after row. */
  flat(into = new Uint8Array(this.size * this.size)): Uint8Array {
    const n = this.size;
    for (let y = 0; y < n; y++) {
      const row = this.dark[y]!;
      for (let x = 0; x < n; x++) into[y * n + x] = row[x]! ? 1 : 0;
    }
    return into;
  }

  /** Which modules each mask inverts (the data modules where its condition holds), per mask. */
  maskPatterns(): Uint8Array[] {
    const n = this.size;
    return MASKS.map((f) => {
      const p = new Uint8Array(n * n);
      for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) p[y * n + x] = !this.fixed[y]![x] && f(x, y) ? 1 : 0;
      return p;
    });
  }
}

/** The penalty score of a masked symbol (flat, side n): runs, 2x2 blocks, finder-like patterns, dark balance. */
function penalty(m: Uint8Array, n: number): number {
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i]!;
  let score = 0;
  for (const [step, line] of [
    [1, n],
    [n, 1],
  ] as const) {
    for (let l = 0; l < n; l++) {
      const start = l * line;
      let run = 1;
      let bits = m[start]!;
      for (let k = 1; k <= n; k++) {
        const here = k < n ? m[start + k * step]! : -1;
        if (here === m[start + (k - 1) * step]!) run++;
        else {
          if (run >= 5) score += 3 + (run - 5);
          run = 1;
        }
        if (k === n) break;
        // finder-like 1:1:3:1:1 with four light modules on one side: the last 11 modules as bits
        bits = ((bits << 1) | here) & 0x7ff;
        if (k >= 10 && (bits === FINDER_LIGHT_AFTER || bits === FINDER_LIGHT_BEFORE)) score += 40;
      }
    }
  }
  for (let y = 0; y + 1 < n; y++)
    for (let x = 0; x + 1 < n; x++) {
      const a = m[y * n + x];
      if (a === m[y * n + x + 1] && a === m[(y + 1) * n + x] && a === m[(y + 1) * n + x + 1]) score += 3;
    }
  score += 10 * Math.floor(Math.abs(dark * 20 - n * n * 10) / (n * n));
  return score;
}

const patternCache = new Map<number, Uint8Array[]>();
/** The mask patterns of a version (they depend on the function patterns only): computed once. */
function maskPatterns(m: Matrix): Uint8Array[] {
  let p = patternCache.get(m.version);
  if (!p) patternCache.set(m.version, (p = m.maskPatterns()));
  return p;
}

/** The QR code of `text` (UTF-8, byte mode, level M). Throws if it does not fit in version 40. */
export function qrMatrix(text: string, opts: { mask?: number } = {}): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  const version = versionFor(bytes.length);
  if (version === undefined) throw new RangeError('text too long for a QR code');
  const m = new Matrix(version);
  m.functionPatterns();
  m.place(codewords(bytes, version));
  let best = opts.mask ?? 0;
  if (opts.mask === undefined) {
    // each mask scored on a flat copy: the data modules XOR the mask's pattern, its format bits drawn
    const n = m.size;
    const data = m.flat();
    const patterns = maskPatterns(m);
    const masked = new Uint8Array(n * n);
    let bestScore = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      m.format(mask);
      m.flat(masked);
      const p = patterns[mask]!;
      for (let i = 0; i < masked.length; i++) masked[i] = p[i]! ? data[i]! ^ 1 : masked[i]!;
      const s = penalty(masked, n);
      if (s < bestScore) [best, bestScore] = [mask, s];
    }
  }
  m.applyMask(best);
  m.format(best);
  return m.dark;
}

/** SVG path data of the dark modules (one rectangle per horizontal run), offset by `quiet` modules. */
export function qrPath(matrix: readonly (readonly boolean[])[], quiet = 4): string {
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let len = 1;
      while (row[x + len]) len++;
      d += `M${x + quiet} ${y + quiet}h${len}v1h-${len}z`;
      x += len - 1;
    }
  });
  return d;
}

/** The penalty score of a finished symbol (lower reads more easily): to compare masks. */
export function qrPenalty(matrix: readonly (readonly boolean[])[]): number {
  const n = matrix.length;
  const flat = new Uint8Array(n * n);
  matrix.forEach((row, y) => row.forEach((d, x) => (flat[y * n + x] = d ? 1 : 0)));
  return penalty(flat, n);
}
