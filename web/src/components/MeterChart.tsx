// A horizontal bar chart in plain SVG: one row per item, a bar for the value against a reference
// (people reached against people targeted; people in a site against its capacity), the part over
// the reference drawn in red. Drawn at the container's real width (so text keeps its size on a
// 360 px phone), from the start side of the reading direction (right in Arabic). The SVG has a
// text description for screen readers, and the same figures are in a table below it.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export type MeterRow = { id: string; label: string; value: number; reference: number; text: string };

const ROW = 64;
const BAR = 16;

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(el.clientWidth);
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

export function MeterChart({
  title,
  rows,
  valueName,
  referenceName,
  overName,
  table,
}: {
  title: string;
  rows: MeterRow[];
  valueName: string;
  referenceName: string;
  overName?: string;
  table: { caption: string; head: string[]; body: ReactNode[][] };
}) {
  const { dir } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>();
  const titleId = useId();
  const descId = useId();
  const rtl = dir === 'rtl';
  const W = Math.max(200, width);
  const H = rows.length * ROW;
  return (
    <div className="meter-chart">
      <div ref={ref} className="meter-chart-frame">
        {width > 0 && (
          <svg
            width={W}
            height={H}
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            style={{ direction: dir }}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{rows.map((r) => `${r.label}: ${r.text}`).join('; ')}</desc>
            <MeterRows rows={rows} W={W} rtl={rtl} />
          </svg>
        )}
      </div>
      <MeterLegend valueName={valueName} referenceName={referenceName} overName={overName} />
      <MeterTable table={table} rows={rows} />
    </div>
  );
}

/** One row per item: its name, the reference, the value within it and the part over it, the figures. */
function MeterRows({ rows, W, rtl }: { rows: MeterRow[]; W: number; rtl: boolean }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.reference)));
  const scale = (v: number) => (v / max) * W;
  // x of a segment [from, to] measured from the start side
  const xOf = (from: number, to: number) => (rtl ? W - scale(to) : scale(from));
  const start = rtl ? W : 0;
  const mark = (v: number) => (rtl ? W - scale(v) : scale(v));
  // SVG text does not wrap: a long name is shortened here (the table and the description have it whole)
  const chars = Math.floor(W / 8.5);
  const fit = (s: string) => (s.length > chars ? `${s.slice(0, Math.max(1, chars - 1))}…` : s);
  return (
    <>
      {rows.map((r, i) => {
        const y = i * ROW;
        const within = Math.min(r.value, r.reference);
        const over = Math.max(0, r.value - r.reference);
        return (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the table beside the chart carries the figures
          <g key={r.id} aria-hidden="true">
            <text x={start} y={y + 17} className="meter-chart-label" textAnchor="start">
              {fit(r.label)}
            </text>
            <rect
              x={xOf(0, r.reference)}
              y={y + 24}
              width={Math.max(1, scale(r.reference))}
              height={BAR}
              className="meter-chart-reference"
              rx={3}
            />
            {within > 0 && (
              <rect x={xOf(0, within)} y={y + 24} width={Math.max(2, scale(within))} height={BAR} className="meter-chart-value" rx={3} />
            )}
            {over > 0 && (
              <rect
                x={xOf(r.reference, r.value)}
                y={y + 24}
                width={Math.max(2, scale(r.value) - scale(r.reference))}
                height={BAR}
                className="meter-chart-over"
                rx={3}
              />
            )}
            {r.reference > 0 && <line x1={mark(r.reference)} x2={mark(r.reference)} y1={y + 20} y2={y + 44} className="meter-chart-mark" />}
            <text x={start} y={y + 58} className="meter-chart-text" textAnchor="start">
              {r.text}
            </text>
          </g>
        );
      })}
    </>
  );
}

function MeterLegend({ valueName, referenceName, overName }: { valueName: string; referenceName: string; overName?: string }) {
  return (
    <p className="meter-chart-legend" aria-hidden="true">
      <span>
        <i className="meter-chart-key value" /> {valueName}
      </span>
      <span>
        <i className="meter-chart-key reference" /> {referenceName}
      </span>
      {overName && (
        <span>
          <i className="meter-chart-key over" /> {overName}
        </span>
      )}
    </p>
  );
}

/** The same figures as a table, for reading and for screen readers. */
function MeterTable({ table, rows }: { table: { caption: string; head: string[]; body: ReactNode[][] }; rows: MeterRow[] }) {
  const { t } = useI18n();
  return (
    <details className="meter-chart-table">
      <summary>{t('dashboard.showTable')}</summary>
      <div className="meter-chart-scroll">
        <table>
          <caption className="visually-hidden">{table.caption}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.body.map((cells, i) => (
              <tr key={rows[i]?.id ?? i}>
                {cells.map((c, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {c}
                    </th>
                  ) : (
                    <td key={j}>{c}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
