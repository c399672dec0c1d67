// Small pieces shared by the referral screens: a referral's summary and what the consent shares.
import type { ReferralViewT } from '../../api/referralTypes.ts';
import type { ReactNode } from 'react';
import { Alert, PersonName } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function ReferralSummary({ r }: { r: ReferralViewT }) {
  const { t, dateTime, sep } = useI18n();
  const other = r.side === 'in' ? t('ref.from', { org: `\u2068${r.from.name}\u2069` }) : t('ref.to', { org: `\u2068${r.to.name}\u2069` });
  return (
    <>
      <p>
        <strong>{t(`ref.type.${r.service.type}`)}</strong>{' '}
        <span className={`badge${r.urgency === 'routine' ? '' : ' badge-warning'}`}>{t(`ref.urgency.${r.urgency}`)}</span>{' '}
        <span className="badge" data-status={r.status}>
          {t(`ref.status.${r.status}`)}
        </span>
      </p>
      <p>
        <bdi>{r.service.name}</bdi>
        {sep}
        {other}
      </p>
      {r.person.fullName && (
        <p>
          <PersonName fullName={r.person.fullName} fullNameEn={r.person.fullNameEn} />
        </p>
      )}
      <p className="muted">{t('ref.sentAt', { when: dateTime(r.sentAt) })}</p>
    </>
  );
}

/** Exactly the fields the consent shares, each labelled; a notice when it lapsed. */
export function SharedContent({ r }: { r: ReferralViewT }) {
  const { t, digitsOf } = useI18n();
  const rows: [string, ReactNode][] = [];
  if (r.person.fullName)
    rows.push([t('ref.field.name'), <PersonName key="n" fullName={r.person.fullName} fullNameEn={r.person.fullNameEn} />]);
  if (r.person.ageBand) rows.push([t('ref.field.age_band'), <bdi key="a">{digitsOf(r.person.ageBand)}</bdi>]);
  if (r.person.sex) rows.push([t('ref.field.sex'), t(`ref.sex.${r.person.sex}`)]);
  if (r.need)
    rows.push([
      t('ref.field.need'),
      <span key="need" dir="auto">
        {r.need}
      </span>,
    ]);
  return (
    <section className="card" aria-labelledby="ref-shared">
      <h2 id="ref-shared">{t('ref.shared')}</h2>
      {r.consentLapsed && <Alert kind="warning">{t('ref.consentLapsed')}</Alert>}
      {rows.length === 0 ? (
        <p className="muted">{t('ref.noneShared')}</p>
      ) : (
        <dl className="facts" data-testid="shared-fields">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {r.caseType && (
        <p className="muted">
          {t('ref.caseType')}: {t(`cases.type.${r.caseType}`)}
        </p>
      )}
    </section>
  );
}
