// The 16 governorates as SVG paths (built from the shipped GeoJSON by web/build/governorateMap.ts),
// shaded by a value. The SVG keeps its geographic orientation (west on the left) in both languages.
import map from 'virtual:governorate-map';
import { useCount } from '../components/useCount.ts';
import { useI18n } from '../i18n/index.tsx';
import { useGovernorateName } from '../session.tsx';

const SHADES = ['#e6f2ee', '#b9ddd1', '#7fc1ac', '#3f9c80', '#0b5d4b'];

export function shade(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#f4f4f2';
  const i = Math.min(SHADES.length - 1, Math.floor((value / max) * SHADES.length));
  return SHADES[i]!;
}

/** Values by P-code; null where a small count is withheld (shaded as the lightest, labelled "<5"). */
export function GovernorateMap({ values }: { values: Record<string, number | null> }) {
  const { t } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const max = Math.max(0, ...Object.values(values).map((v) => v ?? 0));
  const at = (pcode: string): number | null => {
    const v = values[pcode];
    return v === undefined ? 0 : v;
  };
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={t('dash.map')}>
        {map.frames.map((f) => (
          <g key={f.territory}>
            <rect x={f.x - 4} y={f.y - 4} width={f.w + 8} height={f.h + 8} rx="6" className="map-frame" />
            <text x={f.x + f.w / 2} y={f.y + f.h + 18} textAnchor="middle" className="map-territory">
              {t(`territory.${f.territory}` as 'territory.PS01')}
            </text>
          </g>
        ))}
        {map.shapes.map((s) => (
          <path key={s.pcode} d={s.d} fill={shade(at(s.pcode) ?? 1, max)} className="map-shape" data-pcode={s.pcode}>
            <title>{`${govName(s.pcode)}: ${count(at(s.pcode))}`}</title>
          </path>
        ))}
        {map.shapes.map((s) => (
          <text key={s.pcode} x={s.cx} y={s.cy} textAnchor="middle" dominantBaseline="middle" className="map-label">
            {count(at(s.pcode))}
          </text>
        ))}
      </svg>
      <figcaption className="muted">
        <span className="legend" aria-hidden="true">
          {SHADES.map((c) => (
            <i key={c} style={{ background: c }} />
          ))}
        </span>{' '}
        {t('dash.legend')}. {t('dash.mapNote')}
      </figcaption>
    </figure>
  );
}
