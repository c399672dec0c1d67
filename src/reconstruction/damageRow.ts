// One row of a remote damage assessment file, after its columns were mapped to Sanad's: the
// structure's point, its damage class (Sanad's words, UNOSAT's class codes 1-4 and 6, or the file's
// own words through the mapping's `classes`), the date of the imagery and the structure's id in the
// source. A row that cannot be read names each refused field (it goes to quarantine). Pure, no I/O.
import { z } from 'zod';
import type { FieldError } from '../shared/problems.ts';
import { type DamageClass, damageClasses, damageColumns, GRID_CELL_M } from '../shared/reconstruction.ts';
import type { Position } from './geometry.ts';

/** A mapping file: which file column holds each Sanad column, the file's words for the classes, the tolerance. */
export const DamageMapping = z
  .object({
    columns: z.record(z.string().min(1).max(200), z.enum(damageColumns)).optional(),
    classes: z.record(z.string().min(1).max(100), z.enum(damageClasses)).optional(),
    toleranceM: z.number().positive().max(GRID_CELL_M).optional(),
  })
  .strict();
export type DamageMapping = z.infer<typeof DamageMapping>;

export type DamageRow = { point: Position; damageClass: DamageClass; imageryDate: string; structureRef: string | null };

const builtInClasses: Record<string, DamageClass> = {
  destroyed: 'destroyed',
  '1': 'destroyed',
  severely_damaged: 'severely_damaged',
  severe_damage: 'severely_damaged',
  severe: 'severely_damaged',
  '2': 'severely_damaged',
  moderately_damaged: 'moderately_damaged',
  moderate_damage: 'moderately_damaged',
  moderate: 'moderately_damaged',
  '3': 'moderately_damaged',
  possibly_damaged: 'possibly_damaged',
  possible_damage: 'possibly_damaged',
  possible: 'possibly_damaged',
  '4': 'possibly_damaged',
  no_visible_damage: 'no_visible_damage',
  no_damage: 'no_visible_damage',
  '6': 'no_visible_damage',
};

const words = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The class a file's value names, or null. */
export function damageClassOf(v: unknown, own: Record<string, DamageClass> = {}): DamageClass | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  return own[s] ?? builtInClasses[words(s)] ?? null;
}

function coordinate(v: unknown, min: number, max: number): number | 'wrong_type' | 'outside_palestine' {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) return 'wrong_type';
  return n < min || n > max ? 'outside_palestine' : n;
}

/** The days already read (a file has few distinct imagery dates). */
const days = new Map<string, string | FieldError['reason']>();

/** A calendar day from YYYY-MM-DD, YYYY/MM/DD or an ISO date-time; not after `today`. */
function day(v: unknown, today: string): string | FieldError['reason'] {
  if (typeof v === 'string') {
    const key = `${v}\u0000${today}`;
    let d = days.get(key);
    if (d === undefined) {
      d = readDay(v, today);
      if (days.size < 10_000) days.set(key, d);
    }
    return d;
  }
  return readDay(v, today);
}

function readDay(v: unknown, today: string): string | FieldError['reason'] {
  if (typeof v !== 'string') return v === undefined || v === null ? 'required' : 'wrong_type';
  const m = /^\s*(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ][\d:.]+Z?)?\s*$/.exec(v);
  if (!m) return 'not_a_day';
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  const t = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) return 'not_a_calendar_date';
  return d > today ? 'in_future' : d;
}

/** Reads one mapped row; `today` (YYYY-MM-DD) bounds the imagery date. */
export function parseDamageRow(
  values: Partial<Record<(typeof damageColumns)[number], unknown>>,
  mapping: DamageMapping,
  today: string,
): DamageRow | FieldError[] {
  const errs: FieldError[] = [];
  const lon = coordinate(values.lon, -180, 180);
  const lat = coordinate(values.lat, -90, 90);
  if (typeof lon !== 'number') errs.push({ field: 'lon', reason: values.lon === undefined || values.lon === '' ? 'required' : lon });
  if (typeof lat !== 'number') errs.push({ field: 'lat', reason: values.lat === undefined || values.lat === '' ? 'required' : lat });
  const cls = damageClassOf(values.damage_class, mapping.classes);
  if (!cls)
    errs.push({
      field: 'damage_class',
      reason: values.damage_class === undefined || values.damage_class === '' ? 'required' : 'not_allowed',
    });
  const date = day(values.imagery_date, today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.push({ field: 'imagery_date', reason: date as FieldError['reason'] });
  const ref = values.structure_ref;
  const structureRef = ref === undefined || ref === null || ref === '' ? null : String(ref).slice(0, 100);
  if (errs.length > 0 || typeof lon !== 'number' || typeof lat !== 'number' || !cls) return errs;
  return { point: [lon, lat], damageClass: cls, imageryDate: date, structureRef };
}
