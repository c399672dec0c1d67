// A governorate's buildings as dots over its outline (the dashboard's governorate shapes, built from
// the shipped boundaries), each coloured by its latest remote damage class; a key names the colours,
// so colour is never the only carrier. West stays on the left in both languages.
import map from 'virtual:governorate-map';
import { damageClasses } from '../../../../src/shared/reconstruction.ts';
import { useI18n } from '../../i18n/index.tsx';

export type Dot = { id: string; lon: number; lat: number; damageClass: string | null };

export const CLASS_COLOURS: Record<string, string> = {
  destroyed: '#7f0000',
  severely_damaged: '#d7301f',
  moderately_damaged: '#f17c4a',
  possibly_damaged: '#f5c77e',
  no_visible_damage: '#1a9850',
  not_assessed: '#8c8c8c',
};

/** The numbers of an SVG path's coordinates, as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
  const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i]!, n[i + 1]!]);
  return out;
}

export function BuildingMap({ governorate, dots }: { governorate: string; dots: Dot[] }) {
  const { t } = useI18n();
  const shape = map.shapes.find((s) => s.pcode === governorate);
  const proj = map.projections.find((p) => p.territory === shape?.territory);
  if (!shape || !proj) return null;
  const at = (lon: number, lat: number): [number, number] => [
    proj.x0 + (lon * proj.k - proj.minX) * proj.scale,
    proj.y0 + (-lat - proj.minY) * proj.scale,
  ];
  // fitted to the buildings when there are some (the outline is drawn around them), else to the governorate
  const pts = dots.length > 1 ? dots.map((d) => at(d.lon, d.lat)) : pathPoints(shape.d);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = Math.max(maxX - minX, maxY - minY, 0.05);
  const pad = size * 0.08;
  const r = size / Math.max(40, Math.min(160, Math.sqrt(dots.length) * 8));
  const order = (c: string | null) => -damageClasses.indexOf((c ?? 'not_assessed') as (typeof damageClasses)[number]);
  return (
    <figure className="building-map">
      <svg
        viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
        role="img"
        aria-label={t('recon.map')}
        direction="ltr"
      >
        <path d={shape.d} fill="#eeeeea" stroke="#9a9a94" strokeWidth={size / 300} vectorEffect="non-scaling-stroke" />
        {[...dots]
          .sort((a, b) => order(a.damageClass) - order(b.damageClass))
          .map((d) => {
            const [x, y] = at(d.lon, d.lat);
            return <circle key={d.id} cx={x} cy={y} r={r} fill={CLASS_COLOURS[d.damageClass ?? 'not_assessed']} />;
          })}
      </svg>
      <figcaption>
        <p className="muted">{t('recon.mapNote')}</p>
        <ul className="map-key">
          {[...damageClasses, 'not_assessed' as const].map((c) => (
            <li key={c}>
              <i style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" />
              {t(`recon.class.${c}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
