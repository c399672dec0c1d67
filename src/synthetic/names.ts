// Name lists for SYNTHETIC data only: common Arabic given names (male and female) and common
// Palestinian-style family names, each with a relative frequency and one or more usual Latin
// transliterations (the first is the most common). Written for this project from general
// knowledge of naming; no list of real people was used. Frequencies are rough and skewed the way
// real populations are (a few names very common, a long tail of rare ones).
//
// The lists are data, in data/*.txt, one name a line: Arabic|Latin1,Latin2,...|weight (weight 1
// when omitted).
import { readFileSync } from 'node:fs';

export interface NameEntry {
  readonly ar: string;
  readonly en: readonly string[];
  readonly weight: number;
}

const readTable = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

function parse(table: string): readonly NameEntry[] {
  const out: NameEntry[] = [];
  const seen = new Set<string>();
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [ar, en, w] = line.split('|');
    if (!ar || !en) throw new Error(`bad name line: ${line}`);
    if (seen.has(ar)) throw new Error(`duplicate name: ${ar}`);
    seen.add(ar);
    out.push({ ar, en: en.split(',').map((s) => s.trim()), weight: w ? Number(w) : 1 });
  }
  return out;
}

export const maleGivenNames: readonly NameEntry[] = parse(readTable('male-given-names.txt'));

export const femaleGivenNames: readonly NameEntry[] = parse(readTable('female-given-names.txt'));

export const familyNames: readonly NameEntry[] = parse(readTable('family-names.txt'));
