// The 16 governorates as SVG paths (built from the shipped GeoJSON by web/build/governorateMap.ts),
// shaded by a value, each named on the map. Drawn at the container's real width, so that names keep
// a readable size on a 360 px phone: the Gaza Strip (enlarged) above the West Bank, each with its
// names and figures in columns beside it, joined to their governorate by a line. The shapes keep
// their geographic orientation (west on the left) in both languages. A key below explains the
// shades.
import map from 'virtual:governorate-map';
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { type PluralBase, usePlural } from '../i18n/plural.ts';
import { useGovernorateName } from '../session.tsx';
import { MIN_CELL } from '../../../src/shared/disclosure.ts';
import { NONE, nameLines, shade, shadeRanges } from './mapScale.ts';

const OUTSIDE = '#dcdcd8';
const WITHHELD = '#efe4c0';
const LINE = 15;
const GAP = 8;
const CAPTION = 26;

type Label = { pcode: string; side: 'left' | 'right'; cx: number; cy: number; y: number; lines: number };
type Section = { territory: string; top: number; height: number; x: number; y: number; w: number; h: number; k: number; labels: Label[] };

/** Label positions in a column: as near their governorate as they can be without overlapping. */
function spread(labels: Label[], top: number, bottom: number): void {
  labels.sort((a, b) => a.cy - b.cy);
  let next = top;
  for (const l of labels) {
    l.y = Math.max(l.cy - LINE / 2, next);
    next = l.y + l.lines * LINE + 6;
  }
  let limit = bottom;
  for (const l of [...labels].reverse()) {
    l.y = Math.max(top, Math.min(l.y, limit - l.lines * LINE));
    limit = l.y - 6;
  }
}

/** Where the shapes and labels go at `width` pixels. */
function layout(width: number, lines: (pcode: string) => number): { sections: Section[]; height: number } {
  const sections: Section[] = [];
  let top = 0;
  for (const territory of ['PS02', 'PS01']) {
    const box = map.boxes.find((b) => b.territory === territory)!;
    const aspect = box.w / box.h;
    const column = territory === 'PS01' ? Math.max(80, Math.min(130, (width - 160) / 2)) : 0;
    const w =
      territory === 'PS01' ? Math.max(110, Math.min(width - 2 * column - 2 * GAP, 440 * aspect)) : Math.min(width * 0.45, 190 * aspect);
    const h = w / aspect;
    const x = territory === 'PS01' ? (width - w) / 2 : GAP;
    const y = top + CAPTION;
    const k = w / box.w;
    const labels: Label[] = map.shapes
      .filter((s) => s.territory === territory)
      .map((s) => {
        const cx = x + (s.cx - box.x) * k;
        const side = territory === 'PS02' || cx > x + w / 2 ? ('right' as const) : ('left' as const);
        return { pcode: s.pcode, side, cx, cy: y + (s.cy - box.y) * k, y: 0, lines: lines(s.pcode) };
      });
    const need = (side: string) => labels.filter((l) => l.side === side).reduce((a, l) => a + l.lines * LINE + 6, 0);
    const height = Math.max(h, need('left'), need('right'));
    for (const side of ['left', 'right'])
      spread(
        labels.filter((l) => l.side === side),
        y,
        y + height,
      );
    sections.push({ territory, top, height: height + CAPTION + GAP, x, y, w, h, k, labels });
    top += height + CAPTION + 2 * GAP;
  }
  return { sections, height: top };
}

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
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

/**
 * Values by P-code: a count, null where a small count is withheld ("<5"), absent outside the
 * reader's governorates. `noun` names what is counted ("people").
 */
export function GovernorateMap({ values, label, noun }: { values: Record<string, number | null>; label: string; noun: PluralBase }) {
  const { t } = useI18n();
  const plural = usePlural();
  const govName = useGovernorateName();
  const [ref, width] = useWidth();
  const max = Math.max(0, ...Object.values(values).map((v) => v ?? 0));
  const fill = (pcode: string) => {
    if (!(pcode in values)) return OUTSIDE;
    const v = values[pcode];
    return v === null || v === undefined ? WITHHELD : shade(v, max);
  };
  const figure = (pcode: string) => (pcode in values ? plural(noun, values[pcode] ?? null) : t('dash2.legend.outside'));
  const { sections, height } = layout(Math.max(280, width), (p) => nameLines(govName(p)).length + 1);
  return (
    <figure className="map">
      <div ref={ref} className="map-frame-box">
        {width > 0 && (
          <svg
            width={Math.max(280, width)}
            height={height}
            viewBox={`0 0 ${Math.max(280, width)} ${height}`}
            role="img"
            aria-label={label}
            style={{ direction: 'ltr' }}
          >
            {sections.map((s) => (
              <g key={s.territory} data-territory={s.territory}>
                <text x={s.x + s.w / 2} y={s.top + 16} textAnchor="middle" className="map-territory">
                  {t(`territory.${s.territory}` as 'territory.PS01')}
                </text>
                <g
                  transform={`translate(${s.x - map.boxes.find((b) => b.territory === s.territory)!.x * s.k} ${s.y - map.boxes.find((b) => b.territory === s.territory)!.y * s.k}) scale(${s.k})`}
                >
                  {map.shapes
                    .filter((m) => m.territory === s.territory)
                    .map((m) => (
                      <path
                        key={m.pcode}
                        d={m.d}
                        fill={fill(m.pcode)}
                        className="map-shape"
                        vectorEffect="non-scaling-stroke"
                        data-pcode={m.pcode}
                      >
                        <title>{`${govName(m.pcode)}: ${figure(m.pcode)}`}</title>
                      </path>
                    ))}
                </g>
                {s.labels.map((l) => (
                  <MapLabel key={l.pcode} l={l} s={s} name={govName(l.pcode)} figure={l.pcode in values ? figure(l.pcode) : null} />
                ))}
              </g>
            ))}
          </svg>
        )}
      </div>
      <MapKey max={max} noun={noun} values={values} />
    </figure>
  );
}

function MapLabel({ l, s, name, figure }: { l: Label; s: Section; name: string; figure: string | null }) {
  const x = l.side === 'left' ? s.x - GAP : s.x + s.w + GAP;
  const anchor = l.side === 'left' ? 'end' : 'start';
  const lines = nameLines(name);
  return (
    <g className="map-name" data-pcode={l.pcode}>
      <line x1={x + (l.side === 'left' ? 2 : -2)} y1={l.y + LINE / 2} x2={l.cx} y2={l.cy} className="map-leader" />
      <circle cx={l.cx} cy={l.cy} r={2.5} className="map-dot" />
      <text x={x} y={l.y + 12} textAnchor={anchor}>
        {lines.map((n, i) => (
          <tspan key={n} x={x} dy={i === 0 ? 0 : LINE} className="map-label">
            {n}
          </tspan>
        ))}
        {figure !== null && (
          <tspan x={x} dy={LINE} className="map-figure">
            {figure}
          </tspan>
        )}
      </text>
    </g>
  );
}

/** What each shade stands for. */
function MapKey({ max, noun, values }: { max: number; noun: PluralBase; values: Record<string, number | null> }) {
  const { t, num } = useI18n();
  const plural = usePlural();
  const rows: [string, string][] = [
    [NONE, t('dash2.legend.none')],
    ...shadeRanges(max).map((r): [string, string] => [
      r.color,
      r.from === r.to ? plural(noun, r.from) : t('dash2.legend.range', { from: num(r.from), to: plural(noun, r.to) }),
    ]),
  ];
  if (Object.values(values).includes(null)) rows.push([WITHHELD, t('dash2.legend.withheld', { n: MIN_CELL })]);
  if (map.shapes.some((s) => !(s.pcode in values))) rows.push([OUTSIDE, t('dash2.legend.outside')]);
  return (
    <figcaption>
      <h3 className="map-key-title">{t('dash2.legend')}</h3>
      <ul className="map-key">
        {rows.map(([color, text]) => (
          <li key={text}>
            <i style={{ background: color }} aria-hidden="true" />
            {text}
          </li>
        ))}
      </ul>
      <p className="muted">{t('dash2.mapNote', { source: '\u2068OCHA\u00a0(CC\u00a0BY\u2011IGO)\u2069' })}</p>
    </figcaption>
  );
}
