import type { ReactNode } from 'react';
// For coordinators: totals, people by governorate (bar chart) and a map of the 16 governorates;
// people reached by aid per cycle and the sites over capacity (SVG charts), each shown to the
// roles that may read its figures. Aggregates only; no personal data. The map is drawn from the
// shipped boundaries at build time.
import { can } from '../access.ts';
import type { CapacityReport, GovernorateStats, GovernorateStatsListT, ReachSummaryT } from '../api/types.ts';
import { MeterChart } from '../components/MeterChart.tsx';
import { useCount, useWithheldNote } from '../components/useCount.ts';
import { ErrorState, Loading, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n } from '../i18n/index.tsx';
import { GovernorateMap } from '../map/GovernorateMap.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

export default function Dashboard() {
  const { t } = useI18n();
  const { api, user } = useSession();
  const stats = useLoad(() => api.get<GovernorateStatsListT>('/api/v1/stats/governorates'), [api]);
  if (stats.loading && !stats.data)
    return (
      <Screen title={t('dash.title')}>
        <Loading />
      </Screen>
    );
  if (stats.error || !stats.data)
    return (
      <Screen title={t('dash.title')}>
        <ErrorState error={stats.error} onRetry={stats.reload} />
      </Screen>
    );
  const { items, totals } = stats.data;
  return (
    <Screen title={t('dash.title')}>
      <Totals totals={totals} />
      <Withheld show={[totals, ...items].some((i) => Object.values(i).includes(null))} />
      <div className="dash-grid">
        <section className="card">
          <h2>{t('dash.byGovernorate')}</h2>
          <Bars items={items} />
        </section>
        <section className="card">
          <h2>{t('dash.map')}</h2>
          <GovernorateMap values={Object.fromEntries(items.map((i) => [i.governorate, i.people]))} />
        </section>
      </div>
      <div className="dash-grid">
        {can(user?.role, 'aidReach') && <ReachChart />}
        {can(user?.role, 'sites') && <OverCapacityChart />}
      </div>
    </Screen>
  );
}

/** Says why some figures read "<5" (only when some do). */
function Withheld({ show }: { show: boolean }) {
  const note = useWithheldNote();
  return show ? <p className="muted">{note}</p> : null;
}

function Totals({ totals }: { totals: GovernorateStatsListT['totals'] }) {
  const { t } = useI18n();
  const count = useCount();
  const cards = [
    ['dash.people', totals.people],
    ['dash.households', totals.households],
    ['dash.female', totals.female],
    ['dash.male', totals.male],
  ] as const;
  return (
    <ul className="totals">
      {cards.map(([k, v]) => (
        <li key={k} className="card">
          <span className="total-value">{count(v)}</span>
          <span className="muted">{t(k)}</span>
        </li>
      ))}
    </ul>
  );
}

function Bars({ items }: { items: GovernorateStats[] }) {
  const { t } = useI18n();
  const count = useCount();
  const govName = useGovernorateName();
  const max = Math.max(1, ...items.map((i) => i.people ?? 0));
  return (
    <table className="bars">
      <caption className="visually-hidden">{t('dash.byGovernorate')}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('dash.governorate')}</th>
          <th scope="col">{t('dash.people')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.governorate}>
            <th scope="row">{govName(i.governorate)}</th>
            <td>
              <span className="bar" style={{ inlineSize: `${((i.people ?? 0) / max) * 100}%` }} aria-hidden="true" />
              <span className="bar-value">{count(i.people)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** People reached by aid in the latest cycles, against the people the cycle targeted. */
function ReachChart() {
  const { t, day } = useI18n();
  const count = useCount();
  const note = useWithheldNote();
  const { api } = useSession();
  const reach = useLoad(() => api.get<ReachSummaryT>('/api/v1/stats/reach'), [api]);
  const title = t('dashboard.reach.title');
  let body: ReactNode;
  if (reach.loading && !reach.data) body = <Loading />;
  else if (reach.error || !reach.data) body = <ErrorState error={reach.error} onRetry={reach.reload} />;
  else if (reach.data.cycles.length === 0) body = <p className="muted">{t('dashboard.reach.none')}</p>;
  else {
    const cycles = reach.data.cycles;
    const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : 0);
    const text = (c: ReachSummaryT['cycles'][number]) => {
      const { people: reached } = c.reached;
      const { people: targeted } = c.targeted;
      if (reached === null || targeted === null) return t('disclosure.reachText', { reached: count(reached), targeted: count(targeted) });
      return t('dashboard.reach.text', { reached, targeted, percent: pct(reached, targeted) });
    };
    const withheld = cycles.some((c) => [c.reached.people, c.targeted.people, c.reached.households, c.targeted.households].includes(null));
    const label = (c: ReachSummaryT['cycles'][number]) =>
      t('dashboard.reach.cycle', { programme: c.programme, number: c.number, date: day(c.cutoffDate) });
    body = (
      <>
        <MeterChart
          title={title}
          valueName={t('dashboard.reach.reached')}
          referenceName={t('dashboard.reach.targeted')}
          rows={cycles.map((c) => ({
            id: c.id,
            label: t('dashboard.reach.cycleShort', { programme: c.programme, number: c.number }),
            value: c.reached.people ?? 0,
            reference: c.targeted.people ?? 0,
            text: text(c),
          }))}
          table={{
            caption: title,
            head: [
              t('dashboard.reach.cycleHead'),
              t('dashboard.reach.peopleReached'),
              t('dashboard.reach.peopleTargeted'),
              t('dashboard.reach.householdsReached'),
              t('dashboard.reach.householdsTargeted'),
            ],
            body: cycles.map((c) => [
              <bdi key="l">{label(c)}</bdi>,
              count(c.reached.people),
              count(c.targeted.people),
              count(c.reached.households),
              count(c.targeted.households),
            ]),
          }}
        />
        {withheld && <p className="muted">{note}</p>}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="dash-reach">
      <h2 id="dash-reach">{title}</h2>
      <p className="muted">{t('dashboard.reach.note')}</p>
      {body}
    </section>
  );
}

/** Shelter sites holding more people than their covered area allows (Sphere: 3.5 m² a person). */
function OverCapacityChart() {
  const { t, num } = useI18n();
  const { api } = useSession();
  const govName = useGovernorateName();
  const report = useLoad(() => api.get<CapacityReport>('/api/v1/sites/capacity'), [api]);
  const title = t('dashboard.capacity.title');
  let body: ReactNode;
  if (report.loading && !report.data) body = <Loading />;
  else if (report.error || !report.data) body = <ErrorState error={report.error} onRetry={report.reload} />;
  else {
    const all = report.data.sites;
    const over = all.filter((s) => s.overBy > 0 && s.capacity !== null).sort((a, b) => b.overBy - a.overBy);
    const shown = over.slice(0, 10);
    body = (
      <>
        <p>{t('dashboard.capacity.count', { over: over.length, total: all.length })}</p>
        {over.length === 0 ? (
          <p className="muted">{t('dashboard.capacity.none')}</p>
        ) : (
          <MeterChart
            title={title}
            valueName={t('dashboard.capacity.people')}
            referenceName={t('dashboard.capacity.capacity')}
            overName={t('dashboard.capacity.over')}
            rows={shown.map((s) => ({
              id: s.site.id,
              label: s.site.name,
              value: s.people,
              reference: s.capacity ?? 0,
              text: t('dashboard.capacity.text', { people: s.people, capacity: s.capacity ?? 0, over: s.overBy }),
            }))}
            table={{
              caption: title,
              head: [
                t('dashboard.capacity.site'),
                t('person.governorate'),
                t('dashboard.capacity.people'),
                t('dashboard.capacity.capacity'),
                t('dashboard.capacity.over'),
              ],
              body: shown.map((s) => [
                <bdi key="n">{s.site.name}</bdi>,
                govName(s.site.governorate),
                num(s.people),
                num(s.capacity ?? 0),
                num(s.overBy),
              ]),
            }}
          />
        )}
        {over.length > shown.length && <p className="muted">{t('dashboard.capacity.more', { count: over.length - shown.length })}</p>}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="dash-capacity">
      <h2 id="dash-capacity">{title}</h2>
      {body}
    </section>
  );
}
