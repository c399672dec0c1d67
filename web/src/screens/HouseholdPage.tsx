// A household: members and their relationship to the head, where it is now, its displacements
// and its specific needs.
import { derivedVulnerabilities, displacementReasons, relationships, vulnerabilityKinds } from '../../../src/shared/vocabulary.ts';
import { can } from '../access.ts';
import type { HouseholdViewT, SiteViewT } from '../api/types.ts';
import { ErrorState, Loading, PersonName, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

export function HouseholdPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const hh = useLoad(() => api.get<HouseholdViewT>(`/api/v1/households/${id}`), [id, api]);
  const title = t('household.title');
  if (hh.loading && !hh.data)
    return (
      <Screen title={title}>
        <Loading />
      </Screen>
    );
  if (hh.error || !hh.data)
    return (
      <Screen title={title}>
        <ErrorState error={hh.error} onRetry={hh.reload} />
      </Screen>
    );
  const h = hh.data;
  const actions = can(user?.role, 'displace') ? (
    <Link to={{ name: 'move', id: h.id }} className="btn btn-primary">
      {t('household.recordMove')}
    </Link>
  ) : undefined;
  return (
    <Screen title={title} actions={actions}>
      <Location h={h} />
      <Members h={h} />
      <Displacements h={h} />
      <Vulnerabilities h={h} />
    </Screen>
  );
}

function Location({ h }: { h: HouseholdViewT }) {
  const { t, day } = useI18n();
  const govName = useGovernorateName();
  const loc = h.currentLocation;
  return (
    <section className="card">
      <h2>{t('household.location')}</h2>
      {loc.governorate ? (
        <p className="big">
          {govName(loc.governorate)} {loc.since && <span className="muted">· {t('household.since', { date: day(loc.since) })}</span>}
        </p>
      ) : (
        <p>{t('household.locationUnknown', { governorate: govName(h.governorate) })}</p>
      )}
      {loc.site && <SiteLink id={loc.site} />}
    </section>
  );
}

function SiteLink({ id }: { id: string }) {
  const { api, user } = useSession();
  const may = can(user?.role, 'readSite');
  const site = useLoad(() => (may ? api.get<SiteViewT>(`/api/v1/sites/${id}`) : Promise.resolve(null)), [id, api, may]);
  if (!site.data) return null;
  return (
    <p>
      <Link to={{ name: 'site', id }} className="btn btn-secondary">
        <bdi>{site.data.name}</bdi>
      </Link>
    </p>
  );
}

function Members({ h }: { h: HouseholdViewT }) {
  const { t, day } = useI18n();
  const current = h.members.filter((m) => m.validTo === null);
  return (
    <section className="card">
      <h2>{t('household.members')}</h2>
      <ul className="list">
        {current.map((m) => (
          <li key={m.personId}>
            <Link to={{ name: 'person', id: m.personId }} className="list-item">
              <span className="list-title">{m.fullName ? <PersonName fullName={m.fullName} /> : t('common.none')}</span>
              <span className="list-meta">
                {t(relKey(m.relationship))}
                {m.dateOfBirth ? ` · ${day(m.dateOfBirth, 'year')}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Displacements({ h }: { h: HouseholdViewT }) {
  const { t, day } = useI18n();
  const govName = useGovernorateName();
  return (
    <section className="card">
      <h2>{t('household.displacements')}</h2>
      {h.displacements.length === 0 ? (
        <p className="muted">{t('household.noDisplacements')}</p>
      ) : (
        <ol className="timeline">
          {[...h.displacements].reverse().map((d) => (
            <li key={d.id}>
              <strong>{t('household.move', { from: govName(d.fromGovernorate), to: govName(d.toGovernorate) })}</strong>
              <br />
              <span className="muted">
                {day(d.date)}
                {d.reason ? ` · ${t(reasonKey(d.reason))}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Vulnerabilities({ h }: { h: HouseholdViewT }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h2>{t('household.vulnerabilities')}</h2>
      {h.vulnerabilities.length === 0 ? (
        <p className="muted">{t('household.noVulnerabilities')}</p>
      ) : (
        <ul className="chips">
          {h.vulnerabilities.map((v, i) => (
            <li key={i}>{t(vulnKey(v.kind))}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const known = (prefix: string, v: string, keys: readonly string[]) => (keys.includes(v) ? (`${prefix}.${v}` as MessageKey) : null);
export function relKey(r: string): MessageKey {
  return known('rel', r, relationships) ?? 'rel.other';
}
export function reasonKey(r: string): MessageKey {
  return known('reason', r, displacementReasons) ?? 'reason.other';
}
const VULNS: readonly string[] = [...vulnerabilityKinds, ...derivedVulnerabilities];
export function vulnKey(k: string): MessageKey {
  return known('vuln', k, VULNS) ?? 'history.action.other';
}
