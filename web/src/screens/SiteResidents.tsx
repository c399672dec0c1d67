// The households living at a site, with their size and needs (GET /api/v1/sites/:id/residents).
import type { z } from 'zod';
import { shortRef } from '../../../src/shared/ids.ts';
import type { SiteResidentsView } from '../../../src/api/routes/sites/schema.ts';
import { can } from '../access.ts';
import { ErrorState, Loading } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { vulnKey } from './HouseholdPage.tsx';
import { usePlural } from './household/parts.tsx';

type Residents = z.infer<typeof SiteResidentsView>;
type Resident = Residents['households'][number];

/** Shown only to a role that may read them; `version` reloads it after the site changes. */
export function SiteResidents({ id, version }: { id: string; version: number }) {
  const { user } = useSession();
  if (!can(user?.role, 'siteResidents')) return null;
  return <ResidentList id={id} version={version} />;
}

function ResidentList({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const res = useLoad(() => api.get<Residents>(`/api/v1/sites/${id}/residents`), [id, api, version]);
  return (
    <section className="card" aria-labelledby="site-residents">
      <h2 id="site-residents">{t('siteRes.title')}</h2>
      {res.loading && !res.data ? (
        <Loading />
      ) : res.error || !res.data ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <p className="muted">{plural('siteRes.count', res.data.households.length)}</p>
          {res.data.households.length === 0 ? (
            <p className="muted">{t('siteRes.none')}</p>
          ) : (
            <ul className="list">
              {res.data.households.map((h) => (
                <li key={h.id}>
                  <ResidentItem h={h} />
                </li>
              ))}
            </ul>
          )}
          {res.data.notShown > 0 && <p className="muted">{plural('siteRes.notShown', res.data.notShown)}</p>}
        </>
      )}
    </section>
  );
}

function ResidentItem({ h }: { h: Resident }) {
  const { t, day, digitsOf, sep } = useI18n();
  const { user } = useSession();
  const plural = usePlural();
  const body = (
    <>
      <span className="list-title">
        {t('siteRes.household')} <bdi dir="ltr">{digitsOf(h.recordId ?? shortRef(h.id))}</bdi>
      </span>
      <span className="list-meta">
        {plural('siteRes.size', h.size)}
        {sep}
        {t('siteRes.since', { date: day(h.since) })}
      </span>
      <span className="chips">
        {h.vulnerabilities.length === 0 ? (
          <span className="chip">{t('siteRes.noNeeds')}</span>
        ) : (
          h.vulnerabilities.map((v) => (
            <span key={v} className="chip chip-warn">
              {t(vulnKey(v))}
            </span>
          ))
        )}
      </span>
    </>
  );
  return can(user?.role, 'readHousehold') ? (
    <Link to={{ name: 'household', id: h.id }} className="list-item">
      {body}
    </Link>
  ) : (
    <div className="list-item">{body}</div>
  );
}
