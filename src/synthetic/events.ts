// Displacement histories and vulnerability flags of synthetic households. Most Gaza households
// were displaced at least once since October 2023 (some many times, some returned after the
// January 2025 ceasefire); a few West Bank households were displaced too. Person-level flags are
// at plausible low rates.
import type { DisplacementReason, VulnerabilityKind } from '../registry/vocabulary.ts';
import { gazaRefugeTable, isGaza, westBankGovernorates } from './geography.ts';
import { AliasTable, type Rng } from './random.ts';

export interface SyntheticDisplacement {
  householdId: string;
  fromGovernorate: string;
  toGovernorate: string;
  date: string; // YYYY-MM-DD
  reason: DisplacementReason;
}

export interface SyntheticVulnerability {
  householdId: string;
  recordId?: string; // absent for household-level flags (lost_home, lost_livelihood)
  kind: VulnerabilityKind;
  since: string; // YYYY-MM-DD
}

const DAY = 86_400_000;
function dayOf(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
}
// Days since 1970-01-01 to ISO dates, precomputed for the few years events fall in.
const FIRST_DAY = dayOf('2019-01-01');
const ISO: readonly string[] = Array.from({ length: 8 * 366 }, (_, i) => new Date((FIRST_DAY + i) * DAY).toISOString().slice(0, 10));
function isoOf(day: number): string {
  return ISO[day - FIRST_DAY] ?? new Date(day * DAY).toISOString().slice(0, 10);
}
const WAR_START = dayOf('2023-10-13');
const LAST_DAY = dayOf('2025-05-31');
const CEASEFIRE = dayOf('2025-01-27');

const table = <T>(rows: readonly (readonly [T, number])[]) =>
  new AliasTable(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );
const GAZA_REASONS = table<DisplacementReason>([
  ['evacuation_order', 35],
  ['hostilities', 30],
  ['home_destroyed', 12],
  ['home_damaged', 10],
  ['relocation', 8],
  ['other', 5],
]);
const WB_REASONS = table<DisplacementReason>([
  ['hostilities', 40],
  ['evacuation_order', 25],
  ['home_damaged', 15],
  ['home_destroyed', 10],
  ['relocation', 10],
]);
const MOVES = table([
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 5],
  [5, 3],
  [6, 2],
]);

/** The moves of one household, oldest first, starting from its home governorate. */
export function displacementsFor(rng: Rng, householdId: string, home: string): SyntheticDisplacement[] {
  const gaza = isGaza(home);
  if (!rng.chance(gaza ? 0.85 : 0.03)) return [];
  const k = gaza ? MOVES.sample(rng) : 1;
  const days: number[] = [];
  const from = gaza ? WAR_START : dayOf('2025-01-21');
  for (let i = 0; i < k; i++) days.push(rng.int(from, LAST_DAY));
  days.sort((a, b) => a - b);
  const out: SyntheticDisplacement[] = [];
  let at = home;
  for (const day of days) {
    let to: string;
    let reason: DisplacementReason;
    if (gaza && day >= CEASEFIRE && at !== home && rng.chance(0.6)) {
      to = home;
      reason = 'return';
    } else if (gaza) {
      to = gazaRefugeTable.sample(rng);
      if (to === at) to = gazaRefugeTable.sample(rng);
      reason = GAZA_REASONS.sample(rng);
    } else {
      to = rng.chance(0.6) ? at : rng.pick(westBankGovernorates);
      reason = WB_REASONS.sample(rng);
    }
    out.push({ householdId, fromGovernorate: at, toGovernorate: to, date: isoOf(day), reason });
    at = to;
  }
  return out;
}

export interface FlagSubject {
  recordId?: string;
  /** relationship to the head: only wives and mothers of young children are pregnant or lactating */
  rel?: string;
  sex: 'female' | 'male';
  age: number;
  /** true for children living without a parent or usual caregiver */
  unaccompanied?: boolean;
  separated?: boolean;
}

/** Person- and household-level vulnerability flags. */
export function vulnerabilitiesFor(
  rng: Rng,
  householdId: string,
  home: string,
  members: readonly FlagSubject[],
  moves: readonly SyntheticDisplacement[],
): SyntheticVulnerability[] {
  const gaza = isGaza(home);
  const out: SyntheticVulnerability[] = [];
  let hasInfant = false;
  for (const m of members) if (m.age <= 1) hasInfant = true;
  for (const m of members) {
    const id = m.recordId;
    if (
      m.sex === 'female' &&
      m.age >= 18 &&
      m.age <= 45 &&
      (m.rel === 'spouse' || m.rel === 'head' || m.rel === 'other_relative') &&
      rng.chance(hasInfant ? 0.3 : 0.08)
    )
      out.push({ householdId, recordId: id, kind: 'pregnant_lactating', since: '' });
    if (rng.chance(0.015 + m.age * 0.0004)) out.push({ householdId, recordId: id, kind: 'disability', since: '' });
    if (rng.chance(m.age >= 50 ? 0.2 : m.age >= 18 ? 0.04 : 0.01))
      out.push({ householdId, recordId: id, kind: 'chronic_illness', since: '' });
    if (rng.chance(gaza ? 0.025 : 0.002)) out.push({ householdId, recordId: id, kind: 'injured', since: '' });
    if (m.unaccompanied) out.push({ householdId, recordId: id, kind: 'unaccompanied_child', since: '' });
    else if (m.separated) out.push({ householdId, recordId: id, kind: 'separated_child', since: '' });
  }
  let lostHome = false;
  for (const d of moves) if (d.reason === 'home_destroyed') lostHome = true;
  if (lostHome || rng.chance(gaza ? 0.05 : 0.004)) out.push({ householdId, kind: 'lost_home', since: '' });
  if (rng.chance(gaza ? 0.2 : 0.04)) out.push({ householdId, kind: 'lost_livelihood', since: '' });
  if (out.length) {
    const since = moves[0]?.date ?? isoOf(gaza ? rng.int(WAR_START, LAST_DAY) : rng.int(FIRST_DAY, LAST_DAY));
    for (const v of out) v.since = since;
  }
  return out;
}
