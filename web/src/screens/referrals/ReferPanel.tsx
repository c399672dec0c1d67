// In a case file: the person's consent to referrals (to which organisations, which fields, until
// when, or its withdrawal), the "refer" action to a service of the directory, and this case's
// referrals with their status. The server checks the consent again; its refusal names the reason.
import { useState } from 'react';
import type { ReferralListT, ServiceListT, ServiceViewT } from '../../api/referralTypes.ts';
import type { CaseFileViewT } from '../../api/types.ts';
import { Alert, SelectField, TextAreaField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { referralFields, urgencies } from '../../../../src/shared/referrals.ts';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';

type Props = { c: CaseFileViewT; onDone: () => void };
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const toggled = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

function ConsentForm({ c, onDone, services }: Props & { services: ServiceViewT[] }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [given, setGiven] = useState(c.consent.given === true);
  const [orgs, setOrgs] = useState(strings(c.consent.organisations));
  const [fields, setFields] = useState(strings(c.consent.fields));
  const [until, setUntil] = useState(typeof c.consent.until === 'string' ? c.consent.until : '');
  const [saved, setSaved] = useState(false);
  const providers = [
    ...new Map(services.filter((s) => s.organisation.id !== c.orgId).map((s) => [s.organisation.id, s.organisation.name])).entries(),
  ];
  async function save(withdraw: boolean) {
    setSaved(false);
    const body = withdraw ? { given: false } : { given, organisations: orgs, fields, ...(until ? { until } : {}) };
    if (await post(`/api/v1/cases/${c.id}/consent`, body)) {
      if (withdraw) setGiven(false);
      setSaved(true);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="ref-consent">
      <h2 id="ref-consent">{t('ref.consent.title')}</h2>
      <label className="check">
        <input type="checkbox" name="referralConsent" checked={given} onChange={(e) => setGiven(e.target.checked)} />{' '}
        {t('ref.consent.given')}
      </label>
      <fieldset className="field">
        <legend>{t('ref.consent.orgs')}</legend>
        {providers.map(([id, name]) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              name="consentOrganisation"
              value={id}
              checked={orgs.includes(id)}
              onChange={(e) => setOrgs(toggled(orgs, id, e.target.checked))}
            />{' '}
            <bdi>{name}</bdi>
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('ref.consent.fields')}</legend>
        {referralFields.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              name="consentField"
              value={f}
              checked={fields.includes(f)}
              onChange={(e) => setFields(toggled(fields, f, e.target.checked))}
            />{' '}
            {t(`ref.field.${f}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('ref.consent.until')}
        optional
        type="date"
        name="consentUntil"
        value={until}
        onChange={(e) => setUntil(e.target.value)}
      />
      {saved && <Alert kind="success">{t('ref.consent.saved')}</Alert>}
      <ActionError error={error} />
      <p className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save(false)}>
          {t('ref.consent.save')}
        </button>{' '}
        {c.consent.given === true && (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void save(true)}>
            {t('ref.consent.withdraw')}
          </button>
        )}
      </p>
    </section>
  );
}

function ReferForm({ c, onDone, services }: Props & { services: ServiceViewT[] }) {
  const { t, sep } = useI18n();
  const { busy, error, post } = useAction();
  const [serviceId, setServiceId] = useState('');
  const [urgency, setUrgency] = useState<string>('routine');
  const [need, setNeed] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  async function send() {
    setTried(true);
    setSent(false);
    if (!serviceId) return;
    if (await post(`/api/v1/cases/${c.id}/referrals`, { serviceId, urgency, ...(need.trim() ? { need: need.trim() } : {}) })) {
      setServiceId('');
      setNeed('');
      setTried(false);
      setSent(true);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="ref-refer">
      <h2 id="ref-refer">{t('ref.refer.title')}</h2>
      <SelectField
        label={t('ref.refer.service')}
        name="referService"
        value={serviceId}
        onChange={(e) => setServiceId(e.target.value)}
        error={tried && !serviceId ? t('ref.refer.chooseRequired') : null}
      >
        <option value="">{t('ref.refer.choose')}</option>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {`${t(`ref.type.${s.type}`)}${sep}${s.name}${sep}${s.organisation.name}`}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('ref.urgency')} name="referUrgency" value={urgency} onChange={(e) => setUrgency(e.target.value)}>
        {urgencies.map((u) => (
          <option key={u} value={u}>
            {t(`ref.urgency.${u}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('ref.refer.need')}
        hint={t('ref.refer.needHint')}
        optional
        name="referNeed"
        dir="auto"
        maxLength={4000}
        value={need}
        onChange={(e) => setNeed(e.target.value)}
      />
      {sent && <Alert kind="success">{t('ref.refer.sent')}</Alert>}
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send()}>
        {t('ref.refer.send')}
      </button>
    </section>
  );
}

export function ReferPanel({ c, onDone }: Props) {
  const { t } = useI18n();
  const { api } = useSession();
  const services = useLoad(() => api.get<ServiceListT>('/api/v1/services'), [api]);
  const out = useLoad(() => api.get<ReferralListT>('/api/v1/referrals/out'), [api, c.version]);
  const mine = (out.data?.items ?? []).filter((r) => r.caseId === c.id);
  const items = services.data?.items ?? [];
  return (
    <>
      <ConsentForm c={c} onDone={onDone} services={items} />
      {c.stage !== 'closed' && (
        <ReferForm
          c={c}
          onDone={() => {
            onDone();
            out.reload();
          }}
          services={items}
        />
      )}
      {mine.length > 0 && (
        <section className="card" aria-labelledby="ref-case-list">
          <h2 id="ref-case-list">{t('ref.refer.list')}</h2>
          <ul className="list">
            {mine.map((r) => (
              <li key={r.id}>
                <Link to={{ name: 'referral', id: r.id }}>
                  {t(`ref.type.${r.service.type}`)}: <bdi>{r.to.name}</bdi>
                </Link>{' '}
                <span className="badge">{t(`ref.status.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
