// For coordinators: totals, people by governorate (bar chart) and a map of the 16 governorates.
// Aggregates only; no personal data. The map is drawn from the shipped boundaries at build time.
import type { GovernorateStats } from '../api/types.ts';
import { ErrorState, Loading, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n } from '../i18n/index.tsx';
import { GovernorateMap } from '../map/GovernorateMap.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

export default function Dashboard() {
  const { t } = useI18n();
  const { api } = useSession();
  const stats = useLoad(() => api.get<{ items: GovernorateStats[] }>('/api/v1/stats/governorates'), [api]);
  if (stats.loading && !stats.data) return <Screen title={t('dash.title')}><Loading /></Screen>;
  if (stats.error || !stats.data) return <Screen title={t('dash.title')}><ErrorState error={stats.error} onRetry={stats.reload} /></Screen>;
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
    </Screen>
  );
}

function Totals({ items }: { items: GovernorateStats[] }) {
  const { t, num } = useI18n();
  const sum = (k: keyof Omit<GovernorateStats, 'governorate'>) => items.reduce((s, i) => s + i[k], 0);
  const cards = [['dash.people', sum('people')], ['dash.households', sum('households')], ['dash.female', sum('female')], ['dash.male', sum('male')]] as const;
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
        <tr><th scope="col">{t('dash.governorate')}</th><th scope="col">{t('dash.people')}</th></tr>
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
