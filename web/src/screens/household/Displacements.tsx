// The household's moves, newest first: from where to where, the site (its name, a link to it) when
// it moved into one, when and why (the Move screen, from the page's actions, records the next one).
import { can } from '../../access.ts';
import type { HouseholdViewT, SiteViewT } from '../../api/types.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { reasonKey } from '../HouseholdPage.tsx';

export function Displacements({ h }: { h: HouseholdViewT }) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  return (
    <section className="card" aria-labelledby="hh-moves">
      <h2 id="hh-moves">{t('household.displacements')}</h2>
      {h.displacements.length === 0 ? (
        <p className="muted">{t('household.noDisplacements')}</p>
      ) : (
        <ol className="timeline">
          {[...h.displacements].reverse().map((d) => (
            <li key={d.id}>
              <strong>{t('household.move', { from: govName(d.fromGovernorate), to: govName(d.toGovernorate) })}</strong>
              {d.toSite && <SiteName id={d.toSite} />}
              <br />
              <span className="muted">
                {day(d.date)}
                {d.reason ? `${sep}${t(reasonKey(d.reason))}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A site's name as a link to its page (for the roles that may read sites). */
export function SiteName({ id }: { id: string }) {
  const { t, sep } = useI18n();
  const { api, user } = useSession();
  const may = can(user?.role, 'readSite');
  const site = useLoad(() => (may ? api.get<SiteViewT>(`/api/v1/sites/${id}`) : Promise.resolve(null)), [id, api, may]);
  if (!site.data) return null;
  return (
    <>
      {sep}
      {t('hh.moves.site')}{' '}
      <Link to={{ name: 'site', id }}>
        <bdi>{site.data.name}</bdi>
      </Link>
    </>
  );
}
