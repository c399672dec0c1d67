// The reconstruction dashboard (#16) for those who need its reports: tiles (damaged buildings and
// housing units, claims, grants paid, funds committed), buildings by damage class (remote and field,
// SVG bars), a map of the governorates shaded by damaged units or buildings, a table per governorate
// that opens onto its localities, claims by state, funds and materials, and the same figures as an
// HXL-tagged CSV. Counts only; for a role that sees only aggregates, small cells arrive withheld
// (null) and read "<5". Numbers isolated (<bdi>), counts in the plural form of the language.
import { useState } from 'react';
import type { z } from 'zod';
import { claimStates, fieldClasses } from '../../../../src/shared/claims.ts';
import { damageClasses } from '../../../../src/shared/reconstruction.ts';
import type { DashboardView } from '../../../../src/api/routes/reconstruction/dashboard/schema.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { useCount, useWithheldNote } from '../../components/useCount.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { type PluralBase, usePlural, usePluralParts } from '../../i18n/plural.ts';
import { GovernorateMap } from '../../map/GovernorateMap.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { saveFile } from '../Exports.tsx';
import { CLASS_COLOURS } from './BuildingMap.tsx';
import { ReconTables } from './ReconTables.tsx';

export type DashboardT = z.infer<typeof DashboardView>;
export type GovernorateT = DashboardT['governorates'][number];

const FIELD_COLOURS: Record<string, string> = {
  destroyed: '#7f0000',
  severe: '#d7301f',
  major: '#f17c4a',
  minor: '#f5c77e',
  not_assessed: '#8c8c8c',
};

/** A name inside a translated sentence, isolated for bidirectional text. */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export function ReconDashboard() {
  const { t } = useI18n();
  const { api } = useSession();
  const d = useLoad(() => api.get<DashboardT>('/api/v1/reconstruction/dashboard'), [api]);
  let body: React.ReactNode = <Loading />;
  if (d.error) body = <ErrorState error={d.error} onRetry={d.reload} />;
  else if (d.data) body = <Figures d={d.data} />;
  return (
    <Screen title={t('recdash.title')}>
      <p>{t('recdash.intro')}</p>
      <CsvButton />
      {body}
    </Screen>
  );
}

function Figures({ d }: { d: DashboardT }) {
  const { t } = useI18n();
  const note = useWithheldNote();
  const b = d.totals.buildings;
  return (
    <>
      <Tiles d={d} />
      {d.aggregateOnly && <p className="muted">{note}</p>}
      <p className="muted">{t('recdash.damagedNote')}</p>
      <div className="dash-grid">
        <ClassChart
          id="remote"
          title={t('recdash.chart.remote')}
          rows={[...damageClasses, 'not_assessed' as const].map((k) => ({
            key: k,
            label: t(`recon.class.${k}`),
            value: b.remote[k],
            color: CLASS_COLOURS[k]!,
          }))}
        />
        <ClassChart
          id="field"
          title={t('recdash.chart.field')}
          rows={[...fieldClasses, 'not_assessed' as const].map((k) => ({
            key: k,
            label: t(k === 'not_assessed' ? 'recon.class.not_assessed' : `claims.class.${k}`),
            value: b.field[k],
            color: FIELD_COLOURS[k]!,
          }))}
        />
      </div>
      <MapCard d={d} />
      <ReconTables d={d} />
      <ClaimStates d={d} />
    </>
  );
}

/** One tile: the figure large in its plural form, what it is of below. */
function Tile({ id, base, n, text }: { id: string; base: PluralBase; n: number | null; text: string }) {
  const parts = usePluralParts();
  const p = parts(base, n);
  return (
    <li className="card recdash-tile" data-tile={id}>
      <span>
        {p.number === undefined ? (
          <span className="total-value">{p.text}</span>
        ) : (
          <>
            {p.before}
            <bdi className="total-value">{p.number}</bdi>
            {p.after}
          </>
        )}
      </span>
      <span className="muted">{text}</span>
    </li>
  );
}

function Tiles({ d }: { d: DashboardT }) {
  const { t, num } = useI18n();
  const plural = usePlural();
  const count = useCount();
  const x = d.totals;
  return (
    <ul className="recdash-tiles">
      <Tile
        id="buildings"
        base="recdash.damagedBuildings"
        n={x.buildings.damaged}
        text={t('recdash.tile.buildings', { total: plural('recon.buildings', x.buildings.total) })}
      />
      <Tile
        id="units"
        base="recdash.damagedUnits"
        n={x.units.damaged}
        text={t('recdash.tile.units', { total: plural('recdash.units', x.units.total) })}
      />
      <Tile
        id="claims"
        base="recdash.claims"
        n={x.claims.total}
        text={t('recdash.tile.claims', { approved: count(x.claims.byState.approved) })}
      />
      <li className="card recdash-tile" data-tile="paid">
        <bdi className="total-value">{count(x.grants.paid)}</bdi>
        <span className="muted">{t('recdash.tile.paid', { cases: plural('recdash.cases', x.grants.paidCases) })}</span>
      </li>
      {x.funds.map((f) => (
        <li key={f.currency} className="card recdash-tile" data-tile={`funds-${f.currency}`}>
          <bdi className="total-value">{num(f.committed)}</bdi>
          <span className="muted">
            {t('recdash.tile.funds', {
              currency: isolate(f.currency),
              disbursed: isolate(num(f.disbursed)),
              projects: plural('recdash.projects', f.projects),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

type BarRow = { key: string; label: string; value: number; color: string };

/** Buildings per damage class as horizontal SVG bars, with the figures in a table beside them. */
function ClassChart({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const { t, lang } = useI18n();
  const count = useCount();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rtl = lang === 'ar';
  return (
    <section className="card" aria-labelledby={`recdash-${id}`} data-chart={id}>
      <h2 id={`recdash-${id}`}>{title}</h2>
      <table className="bars class-bars">
        <caption className="visually-hidden">{title}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('recdash.chart.class')}</th>
            <th scope="col">{t('recdash.chart.buildings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const w = (r.value / max) * 100;
            return (
              <tr key={r.key} data-class={r.key}>
                <th scope="row">{r.label}</th>
                <td>
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="class-bar" aria-hidden="true">
                    <rect x={rtl ? 100 - w : 0} y={0} width={w} height={10} fill={r.color} />
                  </svg>
                  <bdi className="bar-value">{count(r.value)}</bdi>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The governorates shaded by damaged housing units (or buildings: the reader's choice). */
function MapCard({ d }: { d: DashboardT }) {
  const { t } = useI18n();
  const [show, setShow] = useState<'units' | 'buildings'>('units');
  const title = t(show === 'units' ? 'recdash.map.units' : 'recdash.map.buildings');
  const values = Object.fromEntries(d.governorates.map((g) => [g.governorate, show === 'units' ? g.units.damaged : g.buildings.damaged]));
  return (
    <section className="card" aria-labelledby="recdash-map" data-chart="map">
      <h2 id="recdash-map">{title}</h2>
      <fieldset className="segmented">
        <legend>{t('recdash.show')}</legend>
        {(['units', 'buildings'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="recdash-map-show" value={v} checked={show === v} onChange={() => setShow(v)} />
            {t(`recdash.show.${v}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <GovernorateMap values={values} label={title} noun={show === 'units' ? 'recdash.damagedUnits' : 'recdash.damagedBuildings'} />
    </section>
  );
}

type ClaimState = (typeof claimStates)[number];

function ClaimStates({ d }: { d: DashboardT }) {
  const { t } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const govs = d.governorates.filter((g) => g.claims.total !== 0);
  const columns: Column<ClaimState>[] = [
    { key: 'state', label: t('recdash.col.state'), render: (s) => t(`recdash.state.${s}` as MessageKey) },
    ...govs.map((g) => ({
      key: g.governorate,
      label: govName(g.governorate),
      numeric: true,
      render: (s: ClaimState) => count(g.claims.byState[s]),
    })),
    { key: 'total', label: t('recdash.total'), numeric: true, render: (s) => count(d.totals.claims.byState[s]) },
  ];
  return (
    <section className="card" aria-labelledby="recdash-claims" data-table="claims">
      <h2 id="recdash-claims">{t('recdash.claimsTitle')}</h2>
      <DataTable
        label={t('recdash.claimsTitle')}
        columns={columns}
        rows={claimStates}
        rowKey={(s) => s}
        rowProps={(s) => ({ 'data-state': s })}
      />
    </section>
  );
}

/** The same figures as an HXL-tagged CSV file. */
function CsvButton() {
  const { t } = useI18n();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setFailed(null);
    try {
      const blob = await api.blob('/api/v1/reconstruction/dashboard.csv');
      const name = `sanad-reconstruction-dashboard-${new Date().toISOString().slice(0, 10)}.csv`;
      saveFile(blob, name);
      setSaved(name);
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="download">
      <button type="button" className="btn btn-secondary" onClick={run} disabled={busy} data-action="csv">
        {t('recdash.csv')}
      </button>
      {saved && (
        <p className="muted" role="status">
          {t('recdash.saved', { file: isolate(saved) })}
        </p>
      )}
      {failed !== null && <ErrorState error={failed} onRetry={run} />}
    </div>
  );
}
