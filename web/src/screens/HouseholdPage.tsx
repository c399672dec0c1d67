// A household: where it is now, its members and their relationship to the head, and what may be
// done to it (each shown only to the roles whose permission allows it): change the head, add a
// member, a member leaves, split, merge, record and remove needs, members' status events, moves;
// its cards and entitlements, and its history (who changed what, when).
import { useState } from 'react';
import { derivedVulnerabilities, displacementReasons, relationships, vulnerabilityKinds } from '../../../src/shared/vocabulary.ts';
import { type Capability, can } from '../access.ts';
import type { HouseholdHistoryT } from '../api/householdTypes.ts';
import type { HouseholdViewT, SiteViewT } from '../api/types.ts';
import { RecordReads } from '../components/RecordReads.tsx';
import { ErrorState, Loading, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { AddMember } from './household/AddMember.tsx';
import { HouseholdAid } from './household/Aid.tsx';
import { Displacements } from './household/Displacements.tsx';
import { HouseholdHistory } from './household/HouseholdHistory.tsx';
import { Members } from './household/Members.tsx';
import { Merge } from './household/Merge.tsx';
import { Split } from './household/Split.tsx';
import { Vulnerabilities } from './household/Vulnerabilities.tsx';

export function HouseholdPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  // Each change bumps `rev`: the household and its history are read again.
  const [rev, setRev] = useState(0);
  const hh = useLoad(() => api.get<HouseholdViewT>(`/api/v1/households/${id}`), [id, api, rev]);
  const title = t('household.title');
  if (!hh.data && (hh.loading || !hh.error))
    return (
      <Screen title={title}>
        <Loading />
      </Screen>
    );
  if (!hh.data)
    return (
      <Screen title={title}>
        <ErrorState error={hh.error} onRetry={hh.reload} />
      </Screen>
    );
  const h = hh.data;
  const changed = () => setRev((n) => n + 1);
  const may = (c: Capability) => can(user?.role, c);
  const actions = may('displace') ? (
    <Link to={{ name: 'move', id: h.id }} className="btn btn-primary">
      {t('household.recordMove')}
    </Link>
  ) : undefined;
  return (
    <Screen title={title} actions={actions}>
      <Location h={h} />
      <Members h={h} onChanged={changed} />
      {may('addMember') && <AddMember h={h} onChanged={changed} />}
      <Displacements h={h} />
      <Vulnerabilities h={h} onChanged={changed} />
      {may('splitHousehold') && <Split h={h} onChanged={changed} />}
      {may('mergeHousehold') && <Merge h={h} onChanged={changed} />}
      {may('householdAid') && <HouseholdAid h={h} version={rev} />}
      <HistorySection h={h} rev={rev} />
      {may('auditLog') && <RecordReads entity="household" id={h.id} after={rev} />}
    </Screen>
  );
}

/** The household's history, for the roles that may read it (as a person's history). */
function HistorySection({ h, rev }: { h: HouseholdViewT; rev: number }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const may = can(user?.role, 'householdHistory');
  const history = useLoad(
    () => (may ? api.get<HouseholdHistoryT>(`/api/v1/households/${h.id}/history`) : Promise.resolve({ items: [], earlier: null })),
    [h.id, api, may, rev],
  );
  return (
    <section className="card" aria-labelledby="hh-history">
      <h2 id="hh-history">{t('history.title')}</h2>
      {!may ? (
        <p className="muted">{t('history.hidden')}</p>
      ) : history.error ? (
        <ErrorState error={history.error} onRetry={history.reload} />
      ) : history.data ? (
        <HouseholdHistory items={history.data.items} h={h} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function Location({ h }: { h: HouseholdViewT }) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  const loc = h.currentLocation;
  return (
    <section className="card">
      <h2>{t('household.location')}</h2>
      {loc.governorate ? (
        <p className="big">
          {govName(loc.governorate)}{' '}
          {loc.since && (
            <span className="muted">
              {sep}
              {t('household.since', { date: day(loc.since) })}
            </span>
          )}
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
