import type { ReactNode } from 'react';
// For coordinators: totals, people by governorate (bar chart) and a map of the 16 governorates;
// people reached by aid per cycle and the sites over capacity (SVG charts), each shown to the
// roles that may read its figures. Aggregates only; no personal data. The map is drawn from the
// shipped boundaries at build time.
import { can } from '../access.ts';
import type { CapacityReport, GovernorateStats, GovernorateStatsListT, ReachSummaryT } from '../api/types.ts';
import { MeterChart } from '../components/MeterChart.tsx';
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
  const items = stats.data.items;
  return (
    <Screen title={t('dash.title')}>
      <Totals items={items} />
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

function Totals({ items }: { items: GovernorateStats[] }) {
  const { t, num } = useI18n();
  const sum = (k: keyof Omit<GovernorateStats, 'governorate'>) => items.reduce((s, i) => s + i[k], 0);
  const cards = [
    ['dash.people', sum('people')],
    ['dash.households', sum('households')],
    ['dash.female', sum('female')],
    ['dash.male', sum('male')],
  ] as const;
  return (
    <ul className="totals">
      {cards.map(([k, v]) => (
        <li key={k} className="card">
          <span className="total-value">{num(v)}</span>
          <span className="muted">{t(k)}</span>
        </li>
      ))}
    </ul>
  );
}

function Bars({ items }: { items: GovernorateStats[] }) {
  const { num, t } = useI18n();
  const govName = useGovernorateName();
  const max = Math.max(1, ...items.map((i) => i.people));
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
              <span className="bar" style={{ inlineSize: `${(i.people / max) * 100}%` }} aria-hidden="true" />
              <span className="bar-value">{num(i.people)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** People reached by aid in the latest cycles, against the people the cycle targeted. */
function ReachChart() {
  const { t, num, day } = useI18n();
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
    const label = (c: ReachSummaryT['cycles'][number]) =>
      t('dashboard.reach.cycle', { programme: c.programme, number: c.number, date: day(c.cutoffDate) });
    body = (
      <MeterChart
        title={title}
        valueName={t('dashboard.reach.reached')}
        referenceName={t('dashboard.reach.targeted')}
        rows={cycles.map((c) => ({
          id: c.id,
          label: t('dashboard.reach.cycleShort', { programme: c.programme, number: c.number }),
          value: c.reached.people,
          reference: c.targeted.people,
          text: t('dashboard.reach.text', {
            reached: c.reached.people,
            targeted: c.targeted.people,
            percent: pct(c.reached.people, c.targeted.people),
          }),
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
            num(c.reached.people),
            num(c.targeted.people),
            num(c.reached.households),
            num(c.targeted.households),
          ]),
        }}
      />
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
