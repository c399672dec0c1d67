// The complaints report as tables for publication: per category, channel or governorate, how many
// tickets, open, overdue, closed on time and late, and the median days to close; small cells withheld
// for aggregate-only roles (src/shared/disclosure.ts). Pure: no I/O.
import { tableBuilder } from '../shared/disclosure.ts';

export type ReportRow = {
  key: string;
  total: number;
  open: number;
  overdue: number;
  onTime: number;
  late: number;
  medianDays: number | null;
};
export type PublishedRow = { key: string } & { [K in Exclude<keyof ReportRow, 'key'>]: number | null };

/** The rows as published: for an aggregate-only role, counts 1..4 and what would give them away are null. */
export function publishReport(rows: readonly ReportRow[], aggregateOnly: boolean): PublishedRow[] {
  if (!aggregateOnly) return rows.map((r) => ({ ...r }));
  const b = tableBuilder();
  const idx = rows.map((r) => {
    const total = b.count(r.total);
    const open = b.count(r.open);
    const onTime = b.count(r.onTime);
    const late = b.count(r.late);
    const overdue = b.count(r.overdue);
    b.relate(total, [open, onTime, late]);
    return { total, open, onTime, late, overdue };
  });
  const out = b.publish();
  return rows.map((r, i) => {
    const x = idx[i]!;
    const closed = r.onTime + r.late;
    return {
      key: r.key,
      total: out[x.total]!,
      open: out[x.open]!,
      overdue: out[x.overdue]!,
      onTime: out[x.onTime]!,
      late: out[x.late]!,
      // a median of fewer than five closings describes a handful of people: withheld with them
      medianDays: closed >= 5 ? r.medianDays : null,
    };
  });
}
