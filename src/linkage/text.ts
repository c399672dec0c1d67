// String helpers for the comparators: Jaro-Winkler with reused scratch buffers, one-edit tests,
// check digits. Allocation-free on the hot path.

let ma = new Uint8Array(64);
let mb = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length,
    lb = b.length;
  if (!la || !lb) return 0;
  if (la > ma.length) ma = new Uint8Array(la * 2);
  if (lb > mb.length) mb = new Uint8Array(lb * 2);
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  const win = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(i - win, 0);
    const hi = Math.min(i + win, lb - 1);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && c === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0,
    k = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/** 1 if the strings differ by exactly one substituted character, 2 by one adjacent transposition, 0 otherwise. */
export function oneEditKind(a: string, b: string): 0 | 1 | 2 {
  if (a.length !== b.length || a === b) return 0;
  let first = -1,
    count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (count === 0) first = i;
      count++;
      if (count > 2) return 0;
    }
  }
  if (count === 1) return 1;
  if (count === 2 && a.charCodeAt(first) === b.charCodeAt(first + 1) && a.charCodeAt(first + 1) === b.charCodeAt(first)) return 2;
  return 0;
}

/** True when a and b are within Levenshtein distance 1 (insertion, deletion or substitution). */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length,
    lb = b.length;
  if (la === lb) return oneEditKind(a, b) === 1 || a === b;
  if (Math.abs(la - lb) !== 1) return false;
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0,
    j = 0,
    skipped = false;
  while (i < s.length && j < l.length) {
    if (s.charCodeAt(i) === l.charCodeAt(j)) {
      i++;
      j++;
      continue;
    }
    if (skipped) return false;
    skipped = true;
    j++;
  }
  return true;
}

/**
 * Luhn-style check digit used by Palestinian (and Israeli) 9-digit ID numbers: digits weighted
 * 1,2,1,2,... with the digits of each product summed; valid when the total is a multiple of 10.
 */
export function luhnValid(id: string): boolean {
  if (!/^\d+$/.test(id)) return false;
  const s = id.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = (s.charCodeAt(i) - 48) * ((i % 2) + 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Digits only (Arabic-Indic digits folded to ASCII). */
export function digitsOnly(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
    else if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 48);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 48);
  }
  return out;
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes an integer into a running 32-bit hash. */
export function mix(h: number, v: number): number {
  h ^= v + 0x9e3779b9 + (h << 6) + (h >>> 2);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
