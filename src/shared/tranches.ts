// Reconstruction (#16): repair and rebuild in tranches, and materials. The stages an inspection
// records, the tranche plan of each stream as data (share of the grant per stage, in order), the
// transitional shelter cash, and the limits of photos and sales. Pure data, no I/O.
import type { GrantStream } from './claims.ts';

export const stages = ['signing', 'plinth', 'walls', 'roof', 'completion'] as const;
export type Stage = (typeof stages)[number];

/**
 * The tranches of each stream: the stage an inspection must record before the tranche is released,
 * and its share of the grant in per cent (the shares add up to 100; the last tranche takes the cents
 * that rounding leaves). The last stage of a plan ends the transitional shelter cash.
 */
export const tranchePlans: Record<GrantStream, readonly { stage: Stage; percent: number }[]> = {
  rebuild: [
    { stage: 'signing', percent: 30 },
    { stage: 'plinth', percent: 40 },
    { stage: 'roof', percent: 30 },
  ],
  repair: [
    { stage: 'signing', percent: 50 },
    { stage: 'completion', percent: 50 },
  ],
};

/** Transitional shelter cash per month while the unit is uninhabitable (destroyed or severe damage). */
export const SHELTER_CASH_MONTHLY = 250;

/** A plan's code, entered by vendors: 8 characters of Crockford's base 32 (no I, L, O, U). */
export const PLAN_CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;
/** A material's code, as the bill of quantities names it (cement, rebar, aggregate, blocks ...). */
export const MATERIAL_ITEM = /^[a-z0-9_]{1,40}$/;

/** The largest inspection photo (its base64 form fits the API's 1 MiB body with room for three). */
export const MAX_PHOTO_BYTES = 200 * 1024;
export const MAX_PHOTOS_PER_INSPECTION = 3;
/** The most a single sale or quota line may carry (tonnes, pieces, m³ ...). */
export const MAX_MATERIAL_QUANTITY = 1_000_000;
