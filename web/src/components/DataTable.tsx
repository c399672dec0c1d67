// One report table for the screens that show figures by row: a header from a column list, the
// first column as the row's header, numbers isolated (<bdi>) so that they read right in Arabic,
// total rows in the table's foot. The table scrolls sideways inside its card on a 360 px phone
// instead of widening the page, and the keyboard reaches the scrolling region (WCAG 2.1.1).
// Cells align to the start of the reading direction (CSS logical properties: .recon-table).
import type { HTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export type Column<R> = {
  /** Stable key; also the cell's data-col, which tests and styles use. */
  key: string;
  label: string;
  /** A number (or a figure such as "<5"): wrapped in <bdi>; by default row[key] in the reader's digits. */
  numeric?: boolean;
  /** The cell's content; without it, row[key] (formatted when numeric). */
  render?: (row: R) => ReactNode;
};

/** Attributes of a row: data-* for tests, a class, an id (a row an expanding button controls). */
export type RowProps = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

type Props<R> = {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The scrolling region's accessible name, also the table's caption for screen readers. */
  label: string;
  /** Rows shown in the table's foot: totals. */
  totals?: readonly R[];
  rowProps?: (row: R) => RowProps;
  /** data-table of the <table>. */
  id?: string;
  /** The table's class: recon-table unless given (report-table, or recon-table with another). */
  className?: string;
  /** Whether the first column heads its row (<th scope="row">); false where every column is a figure. */
  rowHeader?: boolean;
};

function Cell<R>({ c, row, first }: { c: Column<R>; row: R; first: boolean }) {
  const { num } = useI18n();
  let value: ReactNode;
  if (c.render) value = c.render(row);
  else {
    const raw = (row as Record<string, unknown>)[c.key];
    value = c.numeric && typeof raw === 'number' ? num(raw) : (raw as ReactNode);
  }
  const content = c.numeric ? <bdi>{value}</bdi> : value;
  return first ? (
    <th scope="row" data-col={c.key}>
      {content}
    </th>
  ) : (
    <td data-col={c.key}>{content}</td>
  );
}

type RowArgs<R> = { columns: readonly Column<R>[]; row: R; props: RowProps | undefined; rowHeader: boolean };

function Row<R>({ columns, row, props, rowHeader }: RowArgs<R>) {
  return (
    <tr {...props}>
      {columns.map((c, i) => (
        <Cell key={c.key} c={c} row={row} first={rowHeader && i === 0} />
      ))}
    </tr>
  );
}

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  label,
  totals,
  rowProps,
  id,
  className = 'recon-table',
  rowHeader = true,
}: Props<R>) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      <table className={className} data-table={id}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} data-col={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={rowKey(r)} columns={columns} row={r} props={rowProps?.(r)} rowHeader={rowHeader} />
          ))}
        </tbody>
        {totals && totals.length > 0 && (
          <tfoot>
            {totals.map((r) => (
              <Row key={rowKey(r)} columns={columns} row={r} props={rowProps?.(r)} rowHeader={rowHeader} />
            ))}
          </tfoot>
        )}
      </table>
    </section>
  );
}
