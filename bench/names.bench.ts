// Cross-script name keys: how often an Arabic name token and its published Latin transliteration get
// the same skeleton (agreement), and how often two different names do (false collisions).
//
//   node bin/run.js bench/names.bench.ts [--data /work/shared/data/names] [--show N]
//
// Data (read at run time, never copied into the repository):
//   gaza-names-ar-en.dev.csv  four-part Arabic names with their published transliteration; rows whose
//                             Arabic and Latin token counts agree (after compound joining) are paired
//                             token by token;
//   wikidata_ar_en/wd_arabic_80, wd_arabic_20   Latin/Arabic name-token pairs (many non-Arabic names);
//   google_ar2en/ar2en.txt    Arabic/Latin name pairs from Wikipedia (mostly foreign names).
// Agreement: share of token pairs (by occurrence, and over distinct pairs) with equal skeletons.
// False collisions: each distinct Arabic token against a random Latin token of a different name
// (different normalised Arabic form and different Latin form), 20 draws each: share with equal skeletons.
// --show N prints the N most frequent disagreeing pairs (for tuning; the output is not to be kept).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { arabicTokens, normalizeArabic } from '../src/names/arabic.ts';
import { latinTokens } from '../src/names/latin.ts';
import { nameSearchTokens, querySearchTokens } from '../src/names/searchTokens.ts';
import { skeleton } from '../src/names/skeleton.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const dataDir = opt('--data', '/work/shared/data/names');
const show = Number(opt('--show', '0'));

type Pair = { ar: string; la: string; n: number };

/** Whole-name search across scripts: Arabic query vs a person stored with the Latin name only, and back. */
function crossScriptSearch() {
  const text = fs.readFileSync(path.join(dataDir, 'gaza-names-ar-en.dev.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as { name_ar: string; name_en: string }[];
  const found = (query: string, stored: string[]) => {
    const set = new Set(stored);
    return querySearchTokens(query).every((g) => g.some((t) => set.has(t)));
  };
  let arToLa = 0;
  let laToAr = 0;
  let wrong = 0;
  const random = rng(7);
  for (const r of rows) {
    if (found(r.name_ar, nameSearchTokens({ fullNameEn: r.name_en }))) arToLa++;
    if (found(r.name_en, nameSearchTokens({ fullName: r.name_ar }))) laToAr++;
    const other = rows[Math.floor(random() * rows.length)]!;
    if (normalizeArabic(other.name_ar) !== normalizeArabic(r.name_ar) && found(r.name_ar, nameSearchTokens({ fullNameEn: other.name_en })))
      wrong++;
  }
  console.log(
    `cross-script search (gaza-names, ${rows.length} four-part names): Arabic query finds the Latin-only record ${pct(arToLa / rows.length)}, Latin query finds the Arabic-only record ${pct(laToAr / rows.length)}; Arabic query matches a random other person's Latin record ${pct(wrong / rows.length, 2)}`,
  );
}

function gazaPairs(): { pairs: Pair[]; rows: number; aligned: number } {
  const text = fs.readFileSync(path.join(dataDir, 'gaza-names-ar-en.dev.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as { name_ar: string; name_en: string }[];
  const counts = new Map<string, Pair>();
  let aligned = 0;
  for (const r of rows) {
    const a = arabicTokens(r.name_ar);
    const l = latinTokens(r.name_en);
    if (a.length !== l.length || a.length === 0) continue;
    aligned++;
    a.forEach((ar, i) => {
      const la = l[i]!;
      const k = `${ar}\t${la}`;
      const p = counts.get(k);
      if (p) p.n++;
      else counts.set(k, { ar, la, n: 1 });
    });
  }
  return { pairs: [...counts.values()], rows: rows.length, aligned };
}

function wikidataPairs(file: string): Pair[] {
  return fs
    .readFileSync(path.join(dataDir, 'wikidata_ar_en', file), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [la, ar, n] = l.split('\t');
      return { ar: (ar ?? '').replace(/ /g, ''), la: la ?? '', n: Number(n) || 1 };
    });
}

function googlePairs(file: string): Pair[] {
  return fs
    .readFileSync(path.join(dataDir, 'google_ar2en', file), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [ar, la] = l.split('\t');
      return { ar: ar ?? '', la: la ?? '', n: 1 };
    });
}

/** Deterministic PRNG (mulberry32) so the figures are reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

function measure(label: string, pairs: Pair[]) {
  const sk = new Map<string, string>();
  const key = (s: string) => {
    let k = sk.get(s);
    if (k === undefined) sk.set(s, (k = skeleton(s)));
    return k;
  };
  let occ = 0;
  let occEq = 0;
  let distinctEq = 0;
  const misses: Pair[] = [];
  for (const p of pairs) {
    const eq = key(p.ar) === key(p.la) && key(p.ar) !== '';
    occ += p.n;
    if (eq) {
      occEq += p.n;
      distinctEq++;
    } else misses.push(p);
  }
  const random = rng(42);
  const byAr = new Map<string, Pair>();
  for (const p of pairs) if (!byAr.has(normalizeArabic(p.ar))) byAr.set(normalizeArabic(p.ar), p);
  const types = [...byAr.entries()];
  let draws = 0;
  let collisions = 0;
  for (const [arNorm, p] of types) {
    for (let d = 0; d < 20; d++) {
      const other = types[Math.floor(random() * types.length)]!;
      if (other[0] === arNorm || other[1].la.toLowerCase() === p.la.toLowerCase()) continue;
      draws++;
      if (key(p.ar) === key(other[1].la)) collisions++;
    }
  }
  // Occurrence-weighted: two random token occurrences of different names (frequent names weigh more).
  const cum: number[] = [];
  let total = 0;
  for (const p of pairs) cum.push((total += p.n));
  const pick = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return pairs[lo]!;
  };
  let wDraws = 0;
  let wCollisions = 0;
  const worst = new Map<string, number>();
  for (let d = 0; d < 200_000; d++) {
    const a = pick();
    const b = pick();
    if (normalizeArabic(a.ar) === normalizeArabic(b.ar) || a.la.toLowerCase() === b.la.toLowerCase()) continue;
    wDraws++;
    if (key(a.ar) === key(b.la)) {
      wCollisions++;
      const k = `${normalizeArabic(a.ar)} ~ ${normalizeArabic(b.ar)} (${key(a.ar)})`;
      worst.set(k, (worst.get(k) ?? 0) + 1);
    }
  }
  const arKeys = new Set(types.map(([, p]) => key(p.ar)));
  console.log(
    `${label.padEnd(28)} pairs ${String(pairs.length).padStart(6)} distinct, ${occ} occurrences  agreement ${pct(occEq / occ).padStart(6)} (occurrences)  ${pct(distinctEq / pairs.length).padStart(6)} (distinct)  false collisions ${pct(collisions / draws, 2).padStart(6)} (names) ${pct(wCollisions / wDraws, 2).padStart(6)} (occurrences)  Arabic names ${types.length} → skeletons ${arKeys.size}`,
  );
  if (show > 0) {
    misses.sort((a, b) => b.n - a.n);
    for (const m of misses.slice(0, show)) console.log(`    ${m.n}\t${m.ar}\t${m.la}\t${key(m.ar)}\t${key(m.la)}`);
    for (const [k, n] of [...worst.entries()].sort((x, y) => y[1] - x[1]).slice(0, show)) console.log(`    collision ${n}\t${k}`);
  }
  return { agreement: occEq / occ, distinct: distinctEq / pairs.length, collisions: collisions / draws, weighted: wCollisions / wDraws };
}

const t0 = performance.now();
const gaza = gazaPairs();
console.log(
  `gaza-names: ${gaza.rows} rows, ${gaza.aligned} (${pct(gaza.aligned / gaza.rows)}) with equal Arabic/Latin token counts, paired token by token`,
);
measure('gaza-names (dev)', gaza.pairs);
crossScriptSearch();
measure('wikidata wd_arabic_80', wikidataPairs('wd_arabic_80'));
measure('wikidata wd_arabic_20', wikidataPairs('wd_arabic_20'));
measure('google ar2en', googlePairs('ar2en.txt'));
const names = ['Mohammed', 'Muhammad', 'Mohamad', 'محمد', 'Abdel Rahman', 'عبد الرحمن'];
const t1 = performance.now();
let n = 0;
for (let i = 0; i < 200_000; i++) n += skeleton(names[i % names.length]!).length;
const ms = performance.now() - t1;
console.log(
  `skeleton speed: ${((200_000 / ms) * 1000).toFixed(0)} tokens/s (${n > 0 ? 'ok' : ''}); total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log('reproduce: node bin/run.js bench/names.bench.ts');
