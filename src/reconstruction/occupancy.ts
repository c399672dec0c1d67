// Occupancy over time: who lived in a unit on a day, and whether two periods overlap. Days are
// 'YYYY-MM-DD' strings (they compare as text); an open end (null) means still there. Pure, no I/O.
export type Period = { validFrom: string; validTo: string | null };

/** Whether the period covers the day (both ends included). */
export const coversDay = (p: Period, day: string): boolean => p.validFrom <= day && (p.validTo === null || day <= p.validTo);

/** Whether two periods share at least one day. */
export const periodsOverlap = (a: Period, b: Period): boolean =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/** The occupancies that cover the day. */
export const occupantsOn = <T extends Period>(periods: readonly T[], day: string): T[] => periods.filter((p) => coversDay(p, day));
