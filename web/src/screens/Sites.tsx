// Shelter sites: occupancy from the registry against the Sphere standards, and one site's page.
import type { CapacityReport, SiteCapacity, SiteViewT } from '../api/types.ts';
import { useState } from 'react';
import { newOperationId } from '../api/client.ts';
import { can } from '../access.ts';
import { Alert, ErrorState, Loading, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, useRouter } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { SiteForm, siteBody } from './SiteForm.tsx';
import { SiteResidents } from './SiteResidents.tsx';
import { useCount } from '../components/useCount.ts';
import { usePlural } from '../i18n/plural.ts';
import { ConfirmButton } from './household/parts.tsx';

const KINDS = ['collective_centre', 'school', 'camp', 'informal_site', 'host_community_area'];
const STATUSES = ['open', 'closed', 'damaged'];
const FLAGS = [
  'area_unknown',
  'over_capacity',
  'toilet_shortfall',
  'water_point_shortfall',
  'water_shortfall',
  'occupied_but_closed',
  'occupied_but_damaged',
];
const keyOf = (prefix: string, v: string, known: string[]): MessageKey =>
  known.includes(v) ? (`${prefix}.${v}` as MessageKey) : 'history.action.other';
export const kindKey = (k: string) => keyOf('kind', k, KINDS);
export const statusKey = (s: string) => keyOf('status', s, STATUSES);
const flagKey = (f: string) => keyOf('flag', f, FLAGS);

export function Sites() {
  const { t } = useI18n();
  const { api } = useSession();
  const report = useLoad(() => api.get<CapacityReport>('/api/v1/sites/capacity'), [api]);
  if (report.loading && !report.data)
    return (
      <Screen title={t('sites.title')}>
        <Loading />
      </Screen>
    );
  if (report.error || !report.data)
    return (
      <Screen title={t('sites.title')}>
        <ErrorState error={report.error} onRetry={report.reload} />
      </Screen>
    );
  const sites = report.data.sites;
  return (
    <Screen title={t('sites.title')}>
      <NewSite />
      {sites.length === 0 ? (
        <p className="muted">{t('sites.none')}</p>
      ) : (
        <ul className="list card">
          {sites.map((c) => (
            <li key={c.site.id}>
              <Link to={{ name: 'site', id: c.site.id }} className="list-item">
                <SiteSummary c={c} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

/** "New site" for a role that may register one: the form opens in place, then the new site's page. */
function NewSite() {
  const { t } = useI18n();
  const { user } = useSession();
  const { go } = useRouter();
  const [open, setOpen] = useState(false);
  if (!can(user?.role, 'createSite')) return null;
  if (!open)
    return (
      <p>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t('siteEdit.new')}
        </button>
      </p>
    );
  return (
    <section aria-label={t('siteEdit.newTitle')}>
      <h2>{t('siteEdit.newTitle')}</h2>
      <SiteForm onDone={(s) => go({ name: 'site', id: s.id })} onCancel={() => setOpen(false)} />
    </section>
  );
}

function SiteSummary({ c }: { c: SiteCapacity }) {
  const { t, sep } = useI18n();
  const plural = usePlural();
  const count = useCount();
  const govName = useGovernorateName();
  // withheld (null) for a role that sees only aggregates: no meter then
  const rate = c.capacity && c.people !== null ? Math.min(1.5, c.people / c.capacity) : null;
  return (
    <>
      <span className="list-title">
        <bdi>{c.site.name}</bdi>
      </span>
      <span className="list-meta">
        {[t(kindKey(c.site.kind)), govName(c.site.governorate), t(statusKey(c.site.status)), plural('siteRes.count', c.households)].join(
          sep,
        )}
      </span>
      <span className="list-meta">
        {c.capacity !== null
          ? t('sites.occupancy', { people: count(c.people), capacity: c.capacity })
          : t('sites.occupancyUnknown', { people: count(c.people) })}
      </span>
      {rate !== null && (
        <span className="meter" aria-hidden="true">
          <span className={rate > 1 ? 'meter-fill over' : 'meter-fill'} style={{ inlineSize: `${Math.min(100, rate * 100)}%` }} />
        </span>
      )}
      {c.flags.length > 0 && (
        <span className="chips">
          {c.flags.map((f) => (
            <span key={f} className={f === 'area_unknown' ? 'chip' : 'chip chip-warn'}>
              {t(flagKey(f))}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

export function SitePage({ id }: { id: string }) {
  const { t, num } = useI18n();
  const count = useCount();
  const { api } = useSession();
  const govName = useGovernorateName();
  const site = useLoad(() => api.get<SiteViewT>(`/api/v1/sites/${id}`), [id, api]);
  const report = useLoad(() => api.get<CapacityReport>('/api/v1/sites/capacity'), [api]);
  if (site.loading && !site.data)
    return (
      <Screen title={t('sites.title')}>
        <Loading />
      </Screen>
    );
  if (site.error || !site.data)
    return (
      <Screen title={t('sites.title')}>
        <ErrorState error={site.error} onRetry={site.reload} />
      </Screen>
    );
  const s = site.data;
  const c = report.data?.sites.find((x) => x.site.id === id);
  const rows: [MessageKey, string][] = [
    ['sites.kind', t(kindKey(s.kind))],
    ['siteEdit.governorate', govName(s.governorate)],
    ['sites.status', t(statusKey(s.status))],
  ];
  if (s.managingOrganisation) rows.push(['sites.managedBy', s.managingOrganisation]);
  if (s.coveredAreaM2 !== null) rows.push(['sites.area', t('sites.areaValue', { area: s.coveredAreaM2 })]);
  if (s.toilets !== null) rows.push(['sites.toilets', num(s.toilets)]);
  if (s.waterPoints !== null) rows.push(['sites.waterPoints', num(s.waterPoints)]);
  return (
    <Screen title={s.name}>
      <section className="card">
        <dl className="facts">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>
                <bdi>{v}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <SiteActions
        site={s}
        onSaved={() => {
          site.reload();
          report.reload();
        }}
      />
      {c && (
        <section className="card">
          <h2>{t('sites.gaps')}</h2>
          <p className="big">
            {c.capacity !== null
              ? t('sites.occupancy', { people: count(c.people), capacity: c.capacity })
              : t('sites.occupancyUnknown', { people: count(c.people) })}
          </p>
          {c.toiletGap !== null && c.toiletGap > 0 && <p>{t('sites.toiletGap', { count: c.toiletGap })}</p>}
          {c.waterPointGap !== null && c.waterPointGap > 0 && <p>{t('sites.waterPointGap', { count: c.waterPointGap })}</p>}
          {c.flags.length === 0 ? (
            <p className="muted">{t('sites.noGaps')}</p>
          ) : (
            <ul className="chips">
              {c.flags.map((f) => (
                <li key={f}>{t(flagKey(f))}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <SiteResidents id={id} version={s.version} />
    </Screen>
  );
}

/** Edit and close, for a role that may update sites; the gaps above are read again after each change. */
function SiteActions({ site, onSaved }: { site: SiteViewT; onSaved: () => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!can(user?.role, 'editSite')) return null;
  async function close() {
    setError(null);
    try {
      await api.put<SiteViewT>(
        `/api/v1/sites/${site.id}`,
        { ...siteBody(site), status: 'closed', version: site.version },
        { idempotencyKey: newOperationId() },
      );
      setDone('siteEdit.closed');
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  if (editing)
    return (
      <section aria-label={t('siteEdit.edit')}>
        <h2>{t('siteEdit.edit')}</h2>
        <SiteForm
          site={site}
          onDone={() => {
            setEditing(false);
            setDone('siteEdit.saved');
            onSaved();
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  return (
    <>
      {done && <Alert kind="success">{t(done)}</Alert>}
      {error !== null && <ErrorState error={error} />}
      <div className="row">
        <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>
          {t('siteEdit.edit')}
        </button>
      </div>
      {site.status !== 'closed' && (
        <ConfirmButton label={t('siteEdit.close')} question={t('siteEdit.closeConfirm')} onConfirm={() => void close()} />
      )}
    </>
  );
}
