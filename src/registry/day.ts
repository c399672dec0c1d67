// Calendar days (YYYY-MM-DD) as the registry records them: event dates, "as of" dates.
import { errors } from '../errors.ts';

export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The day given, or today; 422 naming the field when it is not a real calendar day, or (unless
 * `future` is allowed) when it has not happened yet.
 */
export function checkDay(d: string | undefined, field = 'date', opts: { future?: boolean } = {}): string {
  const day = d ?? today();
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw errors.invalidField(field, 'not_a_calendar_date');
  if (!opts.future && day > today()) throw errors.invalidField(field, 'in_future');
  return day;
}
