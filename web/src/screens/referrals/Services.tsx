// The service directory: every organisation's services, filtered by type and governorate; those who
// manage their organisation's services (administrators, case supervisors) add them and mark them
// inactive or active again.
import { useState } from 'react';
import { can } from '../../access.ts';
import type { ServiceListT, ServiceViewT } from '../../api/referralTypes.ts';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import { serviceTypes } from '../../../../src/shared/referrals.ts';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';

function ServiceItem({ s, mine, onDone }: { s: ServiceViewT; mine: boolean; onDone: () => void }) {
  const { t, sep, digitsOf } = useI18n();
  const plural = usePlural();
  const gov = useGovernorateName();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Marks the service inactive, or active again (the version read guards against a concurrent change). */
  async function toggle() {
    const { id, organisation: _org, ...rest } = s;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/services/${id}`, { ...rest, active: !s.active });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="card case-item" data-testid="service">
      <p>
        <strong>{t(`ref.type.${s.type}`)}</strong> {!s.active && <span className="badge badge-warning">{t('ref.services.inactive')}</span>}
      </p>
      <p>
        <bdi>{s.name}</bdi>
        {sep}
        <bdi>{s.organisation.name}</bdi>
      </p>
      <p className="muted">{t('ref.services.covers', { places: s.governorates.map((g) => gov(g)).join(sep) })}</p>
      <p className="muted">
        {s.capacityPerMonth === null ? t('ref.services.capacityUnknown') : plural('ref.services.capacity', s.capacityPerMonth)}
      </p>
      <p>{t('ref.services.contact', { office: `\u2068${s.contactOffice}\u2069` })}</p>
      {s.contactPhone && (
        <p>
          <bdi dir="ltr" className="mono">
            {digitsOf(s.contactPhone)}
          </bdi>
        </p>
      )}
      {mine && (
        <>
          <ActionError error={error} />
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void toggle()}>
            {s.active ? t('ref.services.deactivate') : t('ref.services.activate')}
          </button>
        </>
      )}
    </li>
  );
}

/** Checkboxes of the governorates the signed-in manager works in: those a service of theirs may cover. */
function GovernorateChecks({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useI18n();
  const { user, governorates } = useSession();
  const gov = useGovernorateName();
  const own = new Set(user?.me?.governorates ?? []);
  return (
    <fieldset className="field governorate-picker">
      <legend>{t('ref.services.governorates')}</legend>
      <div className="governorate-options">
        {governorates
          .filter((g) => own.has(g.pcode))
          .map((g) => (
            <label key={g.pcode} className="check">
              <input
                type="checkbox"
                name="serviceGovernorates"
                value={g.pcode}
                checked={value.includes(g.pcode)}
                onChange={(e) => onChange(e.target.checked ? [...value, g.pcode] : value.filter((c) => c !== g.pcode))}
              />
              {gov(g.pcode)}
            </label>
          ))}
      </div>
    </fieldset>
  );
}

function AddService({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [type, setType] = useState<string>('physiotherapy');
  const [name, setName] = useState('');
  const [govs, setGovs] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('');
  const [office, setOffice] = useState('');
  const [phone, setPhone] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const missing = !name.trim() || govs.length === 0 || !office.trim();
  async function save() {
    setTried(true);
    setSaved(false);
    if (missing) return;
    const body = {
      type,
      name: name.trim(),
      governorates: govs,
      capacityPerMonth: /^\d+$/.test(capacity) ? Number(capacity) : null,
      contactOffice: office.trim(),
      contactPhone: phone.trim() || null,
    };
    if (await post('/api/v1/services', body)) {
      setName('');
      setGovs([]);
      setCapacity('');
      setOffice('');
      setPhone('');
      setTried(false);
      setSaved(true);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="svc-add">
      <h2 id="svc-add">{t('ref.services.add')}</h2>
      <SelectField label={t('ref.services.type')} name="serviceType" value={type} onChange={(e) => setType(e.target.value)}>
        {serviceTypes.map((k) => (
          <option key={k} value={k}>
            {t(`ref.type.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('ref.services.name')}
        name="serviceName"
        dir="auto"
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <GovernorateChecks value={govs} onChange={setGovs} />
      <TextField
        label={t('ref.services.capacityField')}
        optional
        name="capacity"
        inputMode="numeric"
        maxLength={7}
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
      />
      <TextField
        label={t('ref.services.office')}
        hint={t('ref.services.officeHint')}
        name="contactOffice"
        dir="auto"
        maxLength={200}
        value={office}
        onChange={(e) => setOffice(e.target.value)}
      />
      <TextField
        label={t('ref.services.phone')}
        optional
        name="contactPhone"
        type="tel"
        dir="ltr"
        maxLength={20}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      {tried && missing && <Alert kind="error">{t('ref.services.required')}</Alert>}
      {saved && <Alert kind="success">{t('ref.services.saved')}</Alert>}
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
        {t('ref.services.save')}
      </button>
    </section>
  );
}

export function Services() {
  const { t } = useI18n();
  const { api, user, governorates } = useSession();
  const gov = useGovernorateName();
  const [type, setType] = useState('');
  const [place, setPlace] = useState('');
  const [inactive, setInactive] = useState(false);
  const q = new URLSearchParams({
    ...(type ? { type } : {}),
    ...(place ? { governorate: place } : {}),
    ...(inactive ? { inactive: 'true' } : {}),
  });
  const list = useLoad(() => api.get<ServiceListT>(`/api/v1/services?${q.toString()}`), [api, q.toString()]);
  const manages = can(user?.role, 'manageServices');
  return (
    <Screen title={t('ref.services.title')}>
      <p className="muted">{t('ref.services.intro')}</p>
      <section className="card hh-form">
        <SelectField label={t('ref.services.type')} name="filterType" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('ref.services.allTypes')}</option>
          {serviceTypes.map((k) => (
            <option key={k} value={k}>
              {t(`ref.type.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('ref.services.governorate')}
          name="filterGovernorate"
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        >
          <option value="">{t('ref.services.allGovernorates')}</option>
          {governorates.map((g) => (
            <option key={g.pcode} value={g.pcode}>
              {gov(g.pcode)}
            </option>
          ))}
        </SelectField>
        <label className="check">
          <input type="checkbox" name="showInactive" checked={inactive} onChange={(e) => setInactive(e.target.checked)} />{' '}
          {t('ref.services.showInactive')}
        </label>
      </section>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('ref.services.none')}</p>
      ) : (
        <ul className="list">
          {list.data.items.map((s) => (
            <ServiceItem key={s.id} s={s} mine={manages && s.organisation.id === user?.me?.orgId} onDone={list.reload} />
          ))}
        </ul>
      )}
      {manages && <AddService onDone={list.reload} />}
    </Screen>
  );
}
