// A person's record and history (who changed what, when). Reading it is logged by the server.
import { can } from '../access.ts';
import type { HistoryListT, PersonViewT } from '../api/types.ts';
import { History } from '../components/History.tsx';
import { LinkedRecords } from '../components/LinkedRecords.tsx';
import { LifeEvents } from './lifeEvents/LifeEvents.tsx';
import { PersonCases } from './cases/PersonCases.tsx';
import { RecordReads } from '../components/RecordReads.tsx';
import { ErrorState, Loading, PersonName, Screen } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ageOn } from '../i18n/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { relKey } from './HouseholdPage.tsx';

export function PersonPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const person = useLoad(() => api.get<PersonViewT>(`/api/v1/persons/${id}`), [id, api]);
  const mayHistory = can(user?.role, 'history');
  const history = useLoad(
    () => (mayHistory ? api.get<HistoryListT>(`/api/v1/persons/${id}/history`) : Promise.resolve({ items: [], earlier: null })),
    [id, api, mayHistory, person.data?.version],
  );

  if (person.loading && !person.data)
    return (
      <Screen title={t('person.title')}>
        <Loading />
      </Screen>
    );
  if (person.error || !person.data)
    return (
      <Screen title={t('person.title')}>
        <ErrorState error={person.error} onRetry={person.reload} />
      </Screen>
    );
  const p = person.data;
  return (
    <Screen title={t('person.title')}>
      <article className="card">
        <h2 className="person-name">
          <PersonName fullName={p.fullName} fullNameEn={p.fullNameEn} />
        </h2>
        <PersonFacts p={p} />
        {can(user?.role, 'editPerson') && (
          <p>
            <Link to={{ name: 'editPerson', id: p.id }} className="btn btn-primary">
              {t('edit.action')}
            </Link>
          </p>
        )}
        {p.household && can(user?.role, 'readHousehold') && (
          <p>
            <Link to={{ name: 'household', id: p.household.id }} className="btn btn-secondary">
              {t('person.openHousehold')}
            </Link>{' '}
            <span className="muted">{t('hh.person.relationship', { relationship: t(relKey(p.household.relationship)) })}</span>
          </p>
        )}
        {!p.household && <p className="muted">{t('hh.person.noHousehold')}</p>}
      </article>
      {can(user?.role, 'linkedRecords') && <LinkedRecords id={p.id} />}
      {can(user?.role, 'lifeEvents') && <LifeEvents personId={p.id} />}
      {can(user?.role, 'myCases') && <PersonCases personId={p.id} mayOpen={can(user?.role, 'openCase')} />}
      <section className="card">
        <h2>{t('history.title')}</h2>
        {!mayHistory ? (
          <p className="muted">{t('history.hidden')}</p>
        ) : history.error ? (
          <ErrorState error={history.error} onRetry={history.reload} />
        ) : history.data ? (
          <History items={history.data.items} />
        ) : (
          <Loading />
        )}
      </section>
      {can(user?.role, 'auditLog') && <RecordReads entity="person" id={id} after={p.version} />}
    </Screen>
  );
}

function PersonFacts({ p }: { p: PersonViewT }) {
  const { t, day, digitsOf } = useI18n();
  const govName = useGovernorateName();
  const rows: [MessageKey, React.ReactNode][] = [];
  const parts: [MessageKey, string | null][] = [
    ['person.givenName', p.givenName],
    ['person.fatherName', p.fatherName],
    ['person.grandfatherName', p.grandfatherName],
    ['person.familyName', p.familyName],
  ];
  for (const [k, v] of parts) if (v) rows.push([k, <bdi key={k}>{v}</bdi>]);
  if (p.fullNameEn)
    rows.push([
      'person.fullNameEn',
      <bdi key="en" dir="ltr">
        {p.fullNameEn}
      </bdi>,
    ]);
  if (p.sex) rows.push(['person.sex', t(`sex.${p.sex}`)]);
  if (p.dateOfBirth) {
    const precision = p.dobPrecision ?? 'exact';
    rows.push(['person.dateOfBirth', `${day(p.dateOfBirth, precision)} ${precision === 'exact' ? '' : t(`dob.${precision}`)}`.trim()]);
    rows.push(['person.age', t('person.ageYears', { age: ageOn(p.dateOfBirth) })]);
  }
  if (p.nationalId) {
    rows.push([
      'person.nationalId',
      <span key="nid">
        <bdi dir="ltr" className="mono">
          {digitsOf(p.nationalId)}
        </bdi>
        {p.nationalIdVerified === false && <span className="badge badge-warning">{t('person.nationalIdUnverified')}</span>}
      </span>,
    ]);
  }
  if (p.phone)
    rows.push([
      'person.phone',
      <bdi key="ph" dir="ltr" className="mono">
        {digitsOf(p.phone)}
      </bdi>,
    ]);
  rows.push(['person.governorate', govName(p.governorate)]);
  if (p.recordId)
    rows.push([
      'person.recordId',
      <bdi key="rid" dir="ltr">
        {p.recordId}
      </bdi>,
    ]);
  rows.push(['person.updatedAt', <DateTime key="u" iso={p.updatedAt} />]);
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function DateTime({ iso }: { iso: string }) {
  const { dateTime } = useI18n();
  return <time dateTime={iso}>{dateTime(iso)}</time>;
}
