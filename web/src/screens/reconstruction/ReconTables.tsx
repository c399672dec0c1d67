// The reconstruction dashboard's tables: per governorate (a button opens its localities), funds per
// governorate and currency, materials per governorate and item, each with its total rows.
import { type ReactNode, useState } from 'react';
import { type Column, DataTable, type RowProps } from '../../components/DataTable.tsx';
import { useCount } from '../../components/useCount.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useGovernorateName } from '../../session.tsx';
import type { DashboardT, GovernorateT } from './ReconDashboard.tsx';
import { useItemName } from './parts.tsx';

type Area = Pick<GovernorateT, 'buildings' | 'units' | 'claims' | 'grants'>;

/** Whether a governorate has anything to show (a withheld count is more than nothing). */
const hasFigures = (g: GovernorateT) =>
  g.buildings.total > 0 ||
  g.units.total !== 0 ||
  g.claims.total !== 0 ||
  g.grants.plans !== 0 ||
  g.funds.length > 0 ||
  g.materials.length > 0;

const FIGURES = {
  damagedBuildings: (a: Area) => a.buildings.damaged,
  units: (a: Area) => a.units.total,
  damagedUnits: (a: Area) => a.units.damaged,
  claims: (a: Area) => a.claims.total,
  approved: (a: Area) => a.claims.byState.approved,
  plans: (a: Area) => a.grants.plans,
  paid: (a: Area) => a.grants.paid,
} as const;

type AreaRow = { key: string; head: ReactNode; a: Area; props: RowProps };

export function ReconTables({ d }: { d: DashboardT }) {
  const { t } = useI18n();
  const govs = d.governorates.filter(hasFigures);
  if (govs.length === 0) return <p className="muted">{t('recdash.none')}</p>;
  return (
    <>
      <Areas d={d} govs={govs} />
      <Funds d={d} govs={govs} />
      <Materials d={d} govs={govs} />
    </>
  );
}

function Areas({ d, govs }: { d: DashboardT; govs: GovernorateT[] }) {
  const { t, lang } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (g: string) => setOpen((s) => (s.has(g) ? new Set([...s].filter((x) => x !== g)) : new Set([...s, g])));
  const rows: AreaRow[] = govs.flatMap((g) => {
    const id = `recdash-loc-${g.governorate}`;
    const name = govName(g.governorate);
    const head =
      g.localities.length > 0 ? (
        <ExpandButton key="expand" name={name} controls={id} open={open.has(g.governorate)} onToggle={() => toggle(g.governorate)} />
      ) : (
        name
      );
    const localities = open.has(g.governorate) ? g.localities : [];
    return [
      { key: g.governorate, head, a: g, props: { 'data-governorate': g.governorate } },
      ...localities.map((l, i) => ({
        key: `${g.governorate} ${l.localityId ?? 'none'}`,
        head: l.localityId === null ? t('recdash.noLocality') : <bdi>{(lang === 'ar' ? l.nameAr : (l.nameEn ?? l.nameAr)) ?? ''}</bdi>,
        a: l,
        props: { id: i === 0 ? id : undefined, className: 'recdash-locality', 'data-locality': l.localityId ?? 'none' },
      })),
    ];
  });
  const columns: Column<AreaRow>[] = [
    { key: 'area', label: t('recdash.col.area'), render: (r) => r.head },
    ...(Object.keys(FIGURES) as (keyof typeof FIGURES)[]).map((k) => ({
      key: k,
      label: t(`recdash.col.${k}` as MessageKey),
      numeric: true,
      render: (r: AreaRow) => count(FIGURES[k](r.a)),
    })),
  ];
  return (
    <section className="card" aria-labelledby="recdash-areas" data-table="areas">
      <h2 id="recdash-areas">{t('recdash.byArea')}</h2>
      <DataTable
        label={t('recdash.byArea')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        rowProps={(r) => r.props}
        totals={[{ key: 'total', head: t('recdash.total'), a: d.totals, props: { 'data-row': 'total' } }]}
      />
    </section>
  );
}

function ExpandButton({ name, controls, open, onToggle }: { name: string; controls: string; open: boolean; onToggle: () => void }) {
  const { t, lang } = useI18n();
  return (
    <button
      type="button"
      className="recdash-expand"
      aria-expanded={open}
      aria-controls={controls}
      aria-label={t('recdash.expand', { name })}
      onClick={onToggle}
    >
      <span aria-hidden="true">{open ? '▾' : lang === 'ar' ? '◂' : '▸'}</span> {name}
    </button>
  );
}

type Fund = GovernorateT['funds'][number];
type FundRow = { key: string; area: string } & Fund;

function Funds({ d, govs }: { d: DashboardT; govs: GovernorateT[] }) {
  const { t } = useI18n();
  const govName = useGovernorateName();
  const rows: FundRow[] = govs.flatMap((g) =>
    g.funds.map((f) => ({ key: `${g.governorate} ${f.currency}`, area: govName(g.governorate), ...f })),
  );
  const totals: FundRow[] = d.totals.funds.map((f) => ({ key: `total ${f.currency}`, area: t('recdash.total'), ...f }));
  const columns: Column<FundRow>[] = [
    { key: 'area', label: t('recdash.col.area') },
    { key: 'currency', label: t('recdash.col.currency'), render: (r) => <bdi>{r.currency}</bdi> },
    { key: 'projects', label: t('recdash.col.projects'), numeric: true },
    { key: 'committed', label: t('recdash.col.committed'), numeric: true },
    { key: 'disbursed', label: t('recdash.col.disbursed'), numeric: true },
  ];
  return (
    <section className="card" aria-labelledby="recdash-funds" data-table="funds">
      <h2 id="recdash-funds">{t('recdash.fundsTitle')}</h2>
      {rows.length + totals.length === 0 ? (
        <p className="muted">{t('recdash.noFunds')}</p>
      ) : (
        <DataTable
          label={t('recdash.fundsTitle')}
          columns={columns}
          rows={rows}
          totals={totals}
          rowKey={(r) => r.key}
          rowProps={(r) => ({ 'data-row': r.key })}
        />
      )}
      <p className="muted">{t('recdash.fundsNote')}</p>
    </section>
  );
}

type Material = GovernorateT['materials'][number];
type MaterialRow = { key: string; area: string } & Material;

function Materials({ d, govs }: { d: DashboardT; govs: GovernorateT[] }) {
  const { t } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const item = useItemName();
  const rows: MaterialRow[] = govs.flatMap((g) =>
    g.materials.map((m) => ({ key: `${g.governorate}:${m.item}`, area: govName(g.governorate), ...m })),
  );
  const totals: MaterialRow[] = d.totals.materials.map((m) => ({ key: `total:${m.item}`, area: t('recdash.total'), ...m }));
  const columns: Column<MaterialRow>[] = [
    { key: 'area', label: t('recdash.col.area') },
    { key: 'item', label: t('recdash.col.item'), render: (r) => item(r.item) },
    { key: 'quota', label: t('recdash.col.quota'), numeric: true, render: (r) => count(r.quota) },
    { key: 'sold', label: t('recdash.col.sold'), numeric: true, render: (r) => count(r.sold) },
    { key: 'installed', label: t('recdash.col.installed'), numeric: true, render: (r) => count(r.installed) },
    { key: 'leftVendors', label: t('recdash.col.leftVendors'), numeric: true },
  ];
  return (
    <section className="card" aria-labelledby="recdash-materials" data-table="materials">
      <h2 id="recdash-materials">{t('recdash.materialsTitle')}</h2>
      {rows.length + totals.length === 0 ? (
        <p className="muted">{t('recdash.noMaterials')}</p>
      ) : (
        <DataTable
          label={t('recdash.materialsTitle')}
          columns={columns}
          rows={rows}
          totals={totals}
          rowKey={(r) => r.key}
          rowProps={(r) => ({ 'data-row': r.key })}
        />
      )}
    </section>
  );
}
