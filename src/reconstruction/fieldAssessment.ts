// A field assessment as the domain sees it, and the rule that prices its bill of quantities: every
// line names an item of the catalogue once, its unit cost is the engineer's or the catalogue's
// default, its total is quantity x unit cost rounded to the cent, and the assessment's total is the
// sum of its lines. Amounts are computed in whole cents and thousandths (no floating-point drift).
// The day assessed is not in the future. Pure, no I/O.
import { createHash } from 'node:crypto';
import type { FieldError } from '../shared/problems.ts';
import type { FieldDamageClass, MaterialUnit, PhotoType } from '../shared/fieldAssessment.ts';

export type MaterialItem = {
  code: string;
  nameAr: string;
  nameEn: string;
  unit: MaterialUnit;
  defaultUnitCostUsd: number;
};

export type BoqLineInput = { itemCode: string; quantity: number; unitCostUsd?: number | undefined };

export type FieldAssessmentInput = {
  id: string;
  buildingId: string;
  unitId?: string | null | undefined;
  damageClass: FieldDamageClass;
  habitable: boolean;
  notes?: string | null | undefined;
  assessedOn: string;
  lines: BoqLineInput[];
};

export type BoqLine = { lineNo: number; itemCode: string; quantity: number; unitCostUsd: number; lineTotalUsd: number };

export type PreparedFieldAssessment = {
  id: string;
  buildingId: string;
  unitId: string | null;
  damageClass: FieldDamageClass;
  habitable: boolean;
  notes: string | null;
  assessedOn: string;
  lines: BoqLine[];
  totalUsd: number;
  /** The content sent, hashed: a resend under the same id must carry the same. */
  requestSha256: Buffer;
};

export type FieldPhoto = { id: string; mediaType: PhotoType; byteSize: number; lon: number | null; lat: number | null; takenAt: string };

export type FieldAssessment = Omit<PreparedFieldAssessment, 'requestSha256'> & {
  assessor: { id: string; name: string };
  createdAt: string;
  photos: FieldPhoto[];
};

const cents = (usd: number) => Math.round(usd * 100);
const thousandths = (q: number) => Math.round(q * 1000);

/** Prices the bill and checks it against the catalogue and the day (`today`, YYYY-MM-DD). */
export function prepareFieldAssessment(
  input: FieldAssessmentInput,
  catalogue: readonly MaterialItem[],
  today: string,
): PreparedFieldAssessment | FieldError[] {
  const errs: FieldError[] = [];
  if (input.assessedOn > today) errs.push({ field: 'assessedOn', reason: 'in_future' });
  const byCode = new Map(catalogue.map((m) => [m.code, m]));
  const seen = new Set<string>();
  const lines: BoqLine[] = [];
  let totalCents = 0;
  input.lines.forEach((l, i) => {
    const item = byCode.get(l.itemCode);
    if (!item) return errs.push({ field: `lines.${i}.itemCode`, reason: 'no_such_record' });
    if (seen.has(l.itemCode)) return errs.push({ field: `lines.${i}.itemCode`, reason: 'twice_in_batch' });
    seen.add(l.itemCode);
    const costCents = cents(l.unitCostUsd ?? item.defaultUnitCostUsd);
    const lineCents = Math.round((thousandths(l.quantity) * costCents) / 1000);
    totalCents += lineCents;
    lines.push({
      lineNo: i + 1,
      itemCode: l.itemCode,
      quantity: thousandths(l.quantity) / 1000,
      unitCostUsd: costCents / 100,
      lineTotalUsd: lineCents / 100,
    });
    return undefined;
  });
  if (errs.length) return errs;
  const prepared = {
    id: input.id.toLowerCase(),
    buildingId: input.buildingId.toLowerCase(),
    unitId: input.unitId ? input.unitId.toLowerCase() : null,
    damageClass: input.damageClass,
    habitable: input.habitable,
    notes: input.notes?.trim() ? input.notes.trim() : null,
    assessedOn: input.assessedOn,
    lines,
    totalUsd: totalCents / 100,
  };
  // What was sent (not the catalogue's prices of the day): a resend after a price change is still the same.
  const sent = input.lines.map((l) => [l.itemCode, thousandths(l.quantity), l.unitCostUsd === undefined ? null : cents(l.unitCostUsd)]);
  const { lines: _priced, totalUsd: _total, ...rest } = prepared;
  return {
    ...prepared,
    requestSha256: createHash('sha256')
      .update(JSON.stringify({ ...rest, sent }))
      .digest(),
  };
}

/** The calendar day in Gaza and the West Bank (Asia/Gaza) at an instant: the day an engineer on site calls today. */
export const dayInPalestine = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Gaza', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** How far ahead of the server's clock a phone's clock may be (minutes' drift is usual). */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

/**
 * Where and when a photo was taken: both coordinates or neither, a point inside the State of
 * Palestine (`governorateAt` finds none outside), and a time not ahead of now.
 */
export function checkPhotoPlace(
  q: { lon?: number | undefined; lat?: number | undefined; takenAt: string },
  now: Date,
  governorateAt: (p: readonly [number, number]) => string | null,
): { lon: number | null; lat: number | null; takenAt: string } | FieldError[] {
  const errs: FieldError[] = [];
  if ((q.lon === undefined) !== (q.lat === undefined))
    errs.push({ field: q.lon === undefined ? 'lon' : 'lat', reason: 'both_coordinates' });
  else if (q.lon !== undefined && q.lat !== undefined && governorateAt([q.lon, q.lat]) === null)
    errs.push({ field: 'lon', reason: 'outside_palestine' });
  const at = new Date(q.takenAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) errs.push({ field: 'takenAt', reason: 'in_future' });
  if (errs.length) return errs;
  return { lon: q.lon ?? null, lat: q.lat ?? null, takenAt: at.toISOString() };
}
