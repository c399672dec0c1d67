import { type ReactNode, useState } from 'react';
// For coordinators: totals, people by governorate (bars) and a map of the 16 governorates, each
// count saying what it counts: registered in (the registration governorate) or living in (where
// households live now, from the displacement records); coverage of each cycle (people reached of
// the people it targeted) and the sites over capacity (SVG charts), each shown to the roles that
// may read its figures. Aggregates only; no personal data; counts in the plural form of the
// language. The map is drawn from the shipped boundaries at build time.
import { can } from '../access.ts';
import type { CapacityReport, GovernorateStats, GovernorateStatsListT, ReachSummaryT } from '../api/types.ts';
import { MeterChart } from '../components/MeterChart.tsx';
import { useCount, useWithheldNote } from '../components/useCount.ts';
import { ErrorState, Loading, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { type PluralBase, pluralForm, usePlural, usePluralParts } from '../i18n/plural.ts';
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
        <section className="card" aria-labelledby="dash-bars">
          <h2 id="dash-bars">{t('dash2.byGovernorate')}</h2>
          <Bars items={items} />
        </section>
        <MapCard items={items} />
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

type Totals = GovernorateStatsListT['totals'];

/** One total: the number large, the noun in its plural form beside it. */
function Total({ base, n, id }: { base: PluralBase; n: number | null; id: string }) {
  const parts = usePluralParts();
  const p = parts(base, n);
  return (
    <li data-total={id}>
      {p.number === undefined ? (
        <span className="total-value">{p.text}</span>
      ) : (
        <>
          {p.before}
          <span className="total-value">{p.number}</span>
          {p.after}
        </>
      )}
    </li>
  );
}

/** The totals, in two groups that say what they count: registered in, and living in now. */
function Totals({ totals }: { totals: Totals }) {
  const { t } = useI18n();
  const plural = usePlural();
  return (
    <div className="dash-grid">
      <section className="card totals-group" aria-labelledby="dash-registered" data-group="registered">
        <h2 id="dash-registered">{t('dash2.registeredIn')}</h2>
        <ul className="totals2">
          <Total id="people" base="dash2.people" n={totals.people} />
          <Total id="households" base="dash2.households" n={totals.households} />
        </ul>
        <p className="muted">
          {t('dash2.ofThem', { female: plural('dash2.female', totals.female), male: plural('dash2.male', totals.male) })}{' '}
          {t('dash2.registeredInNote')}
        </p>
      </section>
      <section className="card totals-group" aria-labelledby="dash-living" data-group="living">
        <h2 id="dash-living">{t('dash2.livingIn')}</h2>
        <ul className="totals2">
          <Total id="livingPeople" base="dash2.people" n={totals.livingPeople} />
          <Total id="livingHouseholds" base="dash2.households" n={totals.livingHouseholds} />
        </ul>
        <p className="muted">
          {t('dash2.displaced', { households: plural('dash2.households', totals.displacedHouseholds) })} {t('dash2.livingInNote')}
        </p>
      </section>
    </div>
  );
}

const SERIES = [
  ['people', 'dash2.col.registered', 'bar'],
  ['livingPeople', 'dash2.col.living', 'bar bar-living'],
] as const;

/** People registered in and living in each governorate, as bars, with the displaced households. */
function Bars({ items }: { items: GovernorateStats[] }) {
  const { t } = useI18n();
  const plural = usePlural();
  const count = useCount();
  const govName = useGovernorateName();
  const max = Math.max(1, ...items.flatMap((i) => [i.people ?? 0, i.livingPeople ?? 0]));
  return (
    <>
      <p className="bars-key" aria-hidden="true">
        {SERIES.map(([k, label, cls]) => (
          <span key={k}>
            <i className={cls} /> {t(label)}
          </span>
        ))}
      </p>
      <table className="bars">
        <caption className="visually-hidden">{t('dash2.byGovernorate')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('dash.governorate')}</th>
            <th scope="col">{t('dash2.col.registered')}</th>
            <th scope="col">{t('dash2.col.living')}</th>
            <th scope="col">{t('dash2.col.displaced')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.governorate} data-governorate={i.governorate}>
              <th scope="row">{govName(i.governorate)}</th>
              {SERIES.map(([k, label, cls]) => (
                <td key={k} data-col={k}>
                  <span className={cls} style={{ inlineSize: `${((i[k] ?? 0) / max) * 75}%` }} aria-hidden="true" />
                  <span className="bar-value" title={t(label)}>
                    {plural('dash2.people', i[k])}
                  </span>
                </td>
              ))}
              <td className="visually-hidden">{count(i.displacedHouseholds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The map, of the people living in each governorate now or registered in it (the reader's choice). */
function MapCard({ items }: { items: GovernorateStats[] }) {
  const { t } = useI18n();
  const [show, setShow] = useState<'livingPeople' | 'people'>('livingPeople');
  const title = t(show === 'livingPeople' ? 'dash2.map.living' : 'dash2.map.registered');
  return (
    <section className="card" aria-labelledby="dash-map">
      <h2 id="dash-map">{title}</h2>
      <fieldset className="segmented">
        <legend>{t('dash2.show')}</legend>
        {(
          [
            ['livingPeople', 'dash2.show.living'],
            ['people', 'dash2.show.registered'],
          ] as const
        ).map(([v, k]) => (
          <label key={v}>
            <input type="radio" name="dash-map-show" value={v} checked={show === v} onChange={() => setShow(v)} />
            {t(k as MessageKey)}
          </label>
        ))}
      </fieldset>
      <GovernorateMap values={Object.fromEntries(items.map((i) => [i.governorate, i[show]]))} label={title} noun="dash2.people" />
    </section>
  );
}

/** A name inside a translated sentence, isolated for bidirectional text (an Arabic name in English, a Latin one in Arabic). */
const isolate = (s: string) => `\u2068${s}\u2069`;

/** Coverage per cycle: people reached of the people the cycle targeted (not of the whole registry). */
function ReachChart() {
  const { t, day, lang, num } = useI18n();
  const count = useCount();
  const note = useWithheldNote();
  const { api } = useSession();
  const reach = useLoad(() => api.get<ReachSummaryT>('/api/v1/stats/reach'), [api]);
  const title = t('dash2.reach.title');
  type Cycle = ReachSummaryT['cycles'][number];
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : 0);
  const text = (c: Cycle) => {
    const { people: reached } = c.reached;
    const { people: targeted } = c.targeted;
    if (reached === null || targeted === null) return t('dash2.reach.withheld', { reached: count(reached), targeted: count(targeted) });
    const form = pluralForm(lang, targeted);
    return t(`dash2.reach.text.${form}` as MessageKey, { reached, targeted, percent: pct(reached, targeted) });
  };
  const coverage = (c: Cycle) =>
    c.reached.people === null || c.targeted.people === null || c.targeted.people === 0
      ? '—'
      : `${num(pct(c.reached.people, c.targeted.people))}${lang === 'ar' ? '٪' : '%'}`;
  let body: ReactNode;
  if (reach.loading && !reach.data) body = <Loading />;
  else if (reach.error || !reach.data) body = <ErrorState error={reach.error} onRetry={reach.reload} />;
  else if (reach.data.cycles.length === 0) body = <p className="muted">{t('dashboard.reach.none')}</p>;
  else {
    const cycles = reach.data.cycles;
    const withheld = cycles.some((c) => [c.reached.people, c.targeted.people, c.reached.households, c.targeted.households].includes(null));
    const label = (c: Cycle) => t('dashboard.reach.cycle', { programme: isolate(c.programme), number: c.number, date: day(c.cutoffDate) });
    body = (
      <>
        <ul className="reach-list">
          {cycles.map((c) => (
            <li key={c.id} data-cycle={c.id}>
              <span className="reach-cycle">{label(c)}</span>
              <span className="reach-text">{text(c)}</span>
            </li>
          ))}
        </ul>
        <MeterChart
          title={title}
          valueName={t('dashboard.reach.reached')}
          referenceName={t('dashboard.reach.targeted')}
          rows={cycles.map((c) => ({
            id: c.id,
            label: t('dashboard.reach.cycleShort', { programme: isolate(c.programme), number: c.number }),
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
              t('dash2.reach.coverage'),
              t('dashboard.reach.householdsReached'),
              t('dashboard.reach.householdsTargeted'),
            ],
            body: cycles.map((c) => [
              <span key="l">{label(c)}</span>,
              count(c.reached.people),
              count(c.targeted.people),
              coverage(c),
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
    <section className="card" aria-labelledby="dash-reach" data-chart="reach">
      <h2 id="dash-reach">{title}</h2>
      <p className="muted">{t('dash2.reach.note')}</p>
      {body}
    </section>
  );
}

/**
 * Shelter sites holding more people than their covered area allows (Sphere: 3.5 m² a person). For a
 * role that sees only aggregates, the server withholds small figures (null): shown as "<5".
 */
function OverCapacityChart() {
  const { t } = useI18n();
  const count = useCount();
  const plural = usePlural();
  const { api } = useSession();
  const govName = useGovernorateName();
  const report = useLoad(() => api.get<CapacityReport>('/api/v1/sites/capacity'), [api]);
  const note = useWithheldNote();
  const title = t('dashboard.capacity.title');
  let body: ReactNode;
  if (report.loading && !report.data) body = <Loading />;
  else if (report.error || !report.data) body = <ErrorState error={report.error} onRetry={report.reload} />;
  else {
    const all = report.data.sites;
    const over = all
      .filter((s) => s.flags.includes('over_capacity') && s.capacity !== null)
      .sort((a, b) => (b.overBy ?? 0) - (a.overBy ?? 0));
    const shown = over.slice(0, 10);
    const withheld = shown.some((s) => s.people === null || s.overBy === null);
    body = (
      <>
        <p data-figure="sites-over">{plural('dash2.capacity.count', all.length, { over: count(over.length), total: count(all.length) })}</p>
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
              value: s.people ?? s.capacity ?? 0,
              reference: s.capacity ?? 0,
              text: t('dash2.capacity.text', {
                people: plural('dash2.people', s.people),
                capacity: count(s.capacity),
                over: count(s.overBy),
              }),
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
                count(s.people),
                count(s.capacity),
                count(s.overBy),
              ]),
            }}
          />
        )}
        {withheld && <p className="muted">{note}</p>}
        {over.length > shown.length && <p className="muted">{plural('dash2.capacity.more', over.length - shown.length)}</p>}
        <p className="muted">{t('dash2.capacity.note')}</p>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="dash-capacity" data-chart="capacity">
      <h2 id="dash-capacity">{title}</h2>
      {body}
    </section>
  );
}
