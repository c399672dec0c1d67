// Grouped horizontal bars in plain SVG: one group per row (an item, a day), one bar per series
// (entitled, handed out, dispatched), on one scale. Drawn at the container's measured width from the
// start side of the reading direction (right in Arabic), like MeterChart; a withheld figure (null)
// draws no bar. The SVG has a text description; the caller shows the same figures in a table.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

export type GroupedRow = { id: string; label: string; values: (number | null)[]; text: string };

const LABEL = 22;
const BAR = 12;
const GAP = 3;
const TEXT = 20;

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

/** `tones`: the colour of each series (an index into the chart's palette), so one series keeps its colour across charts. */
export function GroupedBarChart({
  title,
  series,
  rows,
  tones = series.map((_, k) => k),
}: {
  title: string;
  series: string[];
  rows: GroupedRow[];
  tones?: number[];
}) {
  const { dir } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>();
  const titleId = useId();
  const descId = useId();
  const rtl = dir === 'rtl';
  const W = Math.max(200, width);
  const groupH = LABEL + series.length * (BAR + GAP) + TEXT + 8;
  const H = rows.length * groupH;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const scale = (v: number) => (v / max) * (W - 4);
  const start = rtl ? W : 0;
  const chars = Math.floor(W / 8.5);
  const fit = (s: string) => (s.length > chars ? `${s.slice(0, Math.max(1, chars - 1))}…` : s);
  return (
    <div className="grouped-chart">
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
            {rows.map((r, i) => {
              const y = i * groupH;
              return (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the table beside the chart carries the figures
                <g key={r.id} aria-hidden="true">
                  <text x={start} y={y + 16} className="meter-chart-label" textAnchor="start">
                    {fit(r.label)}
                  </text>
                  {r.values.map((v, k) => {
                    const w = v === null ? 0 : Math.max(v > 0 ? 2 : 0, scale(v));
                    return (
                      <rect
                        key={series[k]}
                        x={rtl ? W - w : 0}
                        y={y + LABEL + k * (BAR + GAP)}
                        width={w}
                        height={BAR}
                        rx={2}
                        className={`grouped-chart-bar series-${tones[k]}`}
                      />
                    );
                  })}
                  <text x={start} y={y + LABEL + series.length * (BAR + GAP) + 15} className="meter-chart-text" textAnchor="start">
                    {r.text}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      <p className="meter-chart-legend" aria-hidden="true">
        {series.map((s, k) => (
          <span key={s}>
            <i className={`meter-chart-key grouped-chart-key series-${tones[k]}`} /> {s}
          </span>
        ))}
      </p>
    </div>
  );
}
