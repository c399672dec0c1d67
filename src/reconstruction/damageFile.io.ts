// Reading a remote damage assessment file (CSV with a header row, or a GeoJSON FeatureCollection of
// Point or Polygon features) into rows of Sanad's damage columns through the mapping. A file that is
// not what it claims to be is refused as a whole, naming the field (nothing is stored); a row that
// cannot be read is yielded with its reasons (it goes to quarantine). CSV parsing is the only I/O
// library used here (the text is already in memory).
import { parse } from 'csv-parse/sync';
import { errors } from '../errors.ts';
import type { FieldError } from '../shared/problems.ts';
import { type DamageColumn, damageColumns } from '../shared/reconstruction.ts';
import type { DamageMapping } from './damageRow.ts';
import { checkGeometry, isFieldError, representativePoint } from './geometry.ts';

export type DamageFormat = 'csv' | 'geojson';
export type DamageRecord = {
  rowNumber: number;
  /** The row as it was in the file (kept in quarantine). */
  raw: Record<string, unknown>;
  values: Partial<Record<DamageColumn, unknown>>;
  /** Reasons found while reading (a bad geometry, a short row). */
  problems: FieldError[];
};

/** The Sanad column each file column feeds: the mapping's, else columns named as Sanad's. */
function columnMap(mapping: DamageMapping): Map<string, DamageColumn> {
  const m = new Map<string, DamageColumn>();
  for (const c of damageColumns) m.set(c, c);
  for (const [fileColumn, sanad] of Object.entries(mapping.columns ?? {})) {
    for (const [k, v] of m) if (v === sanad) m.delete(k);
    m.set(fileColumn, sanad);
  }
  return m;
}

export function damageFormatOf(name: string, explicit?: string): DamageFormat {
  const f = (explicit ?? name.split('.').pop() ?? '').toLowerCase();
  if (f === 'csv') return 'csv';
  if (f === 'geojson' || f === 'json') return 'geojson';
  throw errors.invalidField('format', 'not_allowed');
}

function* csvRecords(text: string, mapping: DamageMapping): Generator<DamageRecord> {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch {
    throw errors.invalidField('file', 'unreadable');
  }
  const [header, ...data] = rows;
  if (!header) throw errors.invalidField('file', 'required');
  const map = columnMap(mapping);
  const fed = new Set(header.map((h) => map.get(h.trim())).filter(Boolean));
  const missing = (['lon', 'lat', 'damage_class', 'imagery_date'] as const).filter((c) => !fed.has(c));
  if (missing.length > 0) throw errors.validation(missing.map((c) => ({ field: `columns.${c}`, reason: 'required' as const })));
  for (let i = 0; i < data.length; i++) {
    const cells = data[i]!;
    const raw: Record<string, unknown> = {};
    const values: Partial<Record<DamageColumn, unknown>> = {};
    header.forEach((h, j) => {
      raw[h] = cells[j] ?? '';
      const col = map.get(h.trim());
      if (col) values[col] = cells[j] ?? '';
    });
    const problems: FieldError[] = cells.length > header.length ? [{ field: 'row', reason: 'row_too_long' }] : [];
    yield { rowNumber: i + 2, raw, values, problems };
  }
}

function* geojsonRecords(text: string, mapping: DamageMapping): Generator<DamageRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw errors.invalidField('file', 'unreadable');
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (typeof doc !== 'object' || doc === null || fc.type !== 'FeatureCollection') throw errors.invalidField('file.type', 'not_allowed');
  if (!Array.isArray(fc.features)) throw errors.invalidField('file.features', 'wrong_type');
  const map = columnMap(mapping);
  for (let i = 0; i < fc.features.length; i++) {
    const f = fc.features[i] as { properties?: unknown; geometry?: unknown } | null;
    const props = f && typeof f.properties === 'object' && f.properties !== null ? (f.properties as Record<string, unknown>) : {};
    const values: Partial<Record<DamageColumn, unknown>> = {};
    for (const [k, v] of Object.entries(props)) {
      const col = map.get(k);
      if (col) values[col] = v;
    }
    const problems: FieldError[] = [];
    const g = checkGeometry(f?.geometry, 'geometry');
    if (isFieldError(g)) problems.push(g);
    else [values.lon, values.lat] = representativePoint(g);
    yield { rowNumber: i + 1, raw: { properties: props, geometry: isFieldError(g) ? null : g.type }, values, problems };
  }
}

/** The rows of a damage file (the whole text in memory: the caller bounds its size). */
export function damageRecords(text: string, format: DamageFormat, mapping: DamageMapping): Generator<DamageRecord> {
  return format === 'csv' ? csvRecords(text, mapping) : geojsonRecords(text, mapping);
}
