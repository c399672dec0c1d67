// The reconstruction dashboard's tables: per governorate (a button opens its localities), funds per
// governorate and currency, materials per governorate and item, each with its total row.
import { Fragment, useState } from 'react';
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

function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

function Cells({ a }: { a: Area }) {
  const count = useCount();
  const cells: [string, number | null][] = [
    ['damagedBuildings', a.buildings.damaged],
    ['units', a.units.total],
    ['damagedUnits', a.units.damaged],
    ['claims', a.claims.total],
    ['approved', a.claims.byState.approved],
    ['plans', a.grants.plans],
    ['paid', a.grants.paid],
  ];
  return (
    <>
      {cells.map(([k, v]) => (
        <td key={k} data-col={k}>
          <bdi>{count(v)}</bdi>
        </td>
      ))}
    </>
  );
}

const COLUMNS = ['damagedBuildings', 'units', 'damagedUnits', 'claims', 'approved', 'plans', 'paid'] as const;

export function ReconTables({ d }: { d: DashboardT }) {
  const { t } = useI18n();
  const govs = d.governorates.filter(hasFigures);
  if (govs.length === 0) return <p className="muted">{t('recdash.none')}</p>;
  return (
    <>
      <section className="card" aria-labelledby="recdash-areas" data-table="areas">
        <h2 id="recdash-areas">{t('recdash.byArea')}</h2>
        <Scroll label={t('recdash.byArea')}>
          <table className="recon-table">
            <thead>
              <tr>
                <th scope="col">{t('recdash.col.area')}</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c}>
                    {t(`recdash.col.${c}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {govs.map((g) => (
                <GovernorateRows key={g.governorate} g={g} />
              ))}
            </tbody>
            <tfoot>
              <tr data-row="total">
                <th scope="row">{t('recdash.total')}</th>
                <Cells a={d.totals} />
              </tr>
            </tfoot>
          </table>
        </Scroll>
      </section>
      <Funds d={d} govs={govs} />
      <Materials d={d} govs={govs} />
    </>
  );
}

function GovernorateRows({ g }: { g: GovernorateT }) {
  const { t, lang } = useI18n();
  const govName = useGovernorateName();
  const [open, setOpen] = useState(false);
  const name = govName(g.governorate);
  const id = `recdash-loc-${g.governorate}`;
  return (
    <>
      <tr data-governorate={g.governorate}>
        <th scope="row">
          {g.localities.length > 0 ? (
            <button
              type="button"
              className="recdash-expand"
              aria-expanded={open}
              aria-controls={id}
              aria-label={t('recdash.expand', { name })}
              onClick={() => setOpen(!open)}
            >
              <span aria-hidden="true">{open ? '▾' : lang === 'ar' ? '◂' : '▸'}</span> {name}
            </button>
          ) : (
            name
          )}
        </th>
        <Cells a={g} />
      </tr>
      {open &&
        g.localities.map((l, i) => (
          <tr
            key={l.localityId ?? 'none'}
            id={i === 0 ? id : undefined}
            className="recdash-locality"
            data-locality={l.localityId ?? 'none'}
          >
            <th scope="row">
              {l.localityId === null ? t('recdash.noLocality') : <bdi>{(lang === 'ar' ? l.nameAr : (l.nameEn ?? l.nameAr)) ?? ''}</bdi>}
            </th>
            <Cells a={l} />
          </tr>
        ))}
    </>
  );
}

function Funds({ d, govs }: { d: DashboardT; govs: GovernorateT[] }) {
  const { t, num } = useI18n();
  const govName = useGovernorateName();
  const rows = [
    ...govs.flatMap((g) => g.funds.map((f) => ({ key: `${g.governorate} ${f.currency}`, area: govName(g.governorate), f }))),
    ...d.totals.funds.map((f) => ({ key: `total ${f.currency}`, area: t('recdash.total'), f })),
  ];
  return (
    <section className="card" aria-labelledby="recdash-funds" data-table="funds">
      <h2 id="recdash-funds">{t('recdash.fundsTitle')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('recdash.noFunds')}</p>
      ) : (
        <Scroll label={t('recdash.fundsTitle')}>
          <table className="recon-table">
            <thead>
              <tr>
                {(['area', 'currency', 'projects', 'committed', 'disbursed'] as const).map((c) => (
                  <th scope="col" key={c}>
                    {t(`recdash.col.${c}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-row={r.key}>
                  <th scope="row">{r.area}</th>
                  <td>
                    <bdi>{r.f.currency}</bdi>
                  </td>
                  <td>
                    <bdi>{num(r.f.projects)}</bdi>
                  </td>
                  <td data-col="committed">
                    <bdi>{num(r.f.committed)}</bdi>
                  </td>
                  <td data-col="disbursed">
                    <bdi>{num(r.f.disbursed)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <p className="muted">{t('recdash.fundsNote')}</p>
    </section>
  );
}

function Materials({ d, govs }: { d: DashboardT; govs: GovernorateT[] }) {
  const { t, num } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const item = useItemName();
  const groups = [
    ...govs.filter((g) => g.materials.length > 0).map((g) => ({ key: g.governorate, area: govName(g.governorate), items: g.materials })),
    ...(d.totals.materials.length > 0 ? [{ key: 'total', area: t('recdash.total'), items: d.totals.materials }] : []),
  ];
  return (
    <section className="card" aria-labelledby="recdash-materials" data-table="materials">
      <h2 id="recdash-materials">{t('recdash.materialsTitle')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('recdash.noMaterials')}</p>
      ) : (
        <Scroll label={t('recdash.materialsTitle')}>
          <table className="recon-table">
            <thead>
              <tr>
                {(['area', 'item', 'quota', 'sold', 'installed', 'leftVendors'] as const).map((c) => (
                  <th scope="col" key={c}>
                    {t(`recdash.col.${c}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <Fragment key={g.key}>
                  {g.items.map((m) => (
                    <tr key={m.item} data-row={`${g.key}:${m.item}`}>
                      <th scope="row">{g.area}</th>
                      <td>{item(m.item)}</td>
                      <td data-col="quota">
                        <bdi>{count(m.quota)}</bdi>
                      </td>
                      <td data-col="sold">
                        <bdi>{count(m.sold)}</bdi>
                      </td>
                      <td data-col="installed">
                        <bdi>{count(m.installed)}</bdi>
                      </td>
                      <td data-col="leftVendors">
                        <bdi>{num(m.leftVendors)}</bdi>
                      </td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}
