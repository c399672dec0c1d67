// The State of Palestine's governorate boundaries shipped with Sanad (OCHA COD-AB, src/places/data/
// pse_admin2.geojson; see its ATTRIBUTION.md), read once on first use, and the governorate a point
// lies in (null: outside every governorate, so outside Palestine). The reading is the only I/O here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Area, areaOf, makeLocator } from './boundaries.ts';
import type { Position } from './geometry.ts';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../places/data/pse_admin2.geojson');

let areas: readonly Area[] | undefined;

/** The 16 governorates' polygons with their bounding boxes. */
export function governorateAreas(): readonly Area[] {
  if (!areas) {
    const doc = JSON.parse(fs.readFileSync(FILE, 'utf8')) as {
      features: { properties: { adm2_pcode: string }; geometry: { type: string; coordinates: unknown } }[];
    };
    areas = doc.features.map((f) => areaOf(f.properties.adm2_pcode, f.geometry));
  }
  return areas;
}

let locator: ((p: Position) => string | null) | undefined;

/** The P-code of the governorate a point lies in, or null outside the boundaries. */
export function governorateAt(p: Position): string | null {
  locator ??= makeLocator(governorateAreas());
  return locator(p);
}
