// The form for one person, validated as you type. Possible duplicates (same national ID, or a
// similar name) are looked up through the search API while typing and shown as a warning.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, newOperationId } from '../api/client.ts';
import { relationships, type Page, type PersonInputT, type PersonSummaryT, type PersonViewT, type Relationship, type Sex } from '../api/types.ts';
import { Alert, errorKey, PersonName, SelectField, TextField } from '../components/ui.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { asciiDigits, checkDateOfBirth, checkName, checkNationalId, checkPhone, normalNationalId } from '../validate.ts';
import { relKey } from './HouseholdPage.tsx';

type Values = { givenName: string; fatherName: string; grandfatherName: string; familyName: string; fullNameEn: string; sex: Sex | ''; dateOfBirth: string; nationalId: string; phone: string; governorate: string; relationship: Relationship };
type FieldName = keyof Values;

const blank = (governorate: string, relationship: Relationship): Values => ({ givenName: '', fatherName: '', grandfatherName: '', familyName: '', fullNameEn: '', sex: '', dateOfBirth: '', nationalId: '', phone: '', governorate, relationship });

function validate(v: Values): Partial<Record<FieldName, MessageKey>> {
  const e: Partial<Record<FieldName, MessageKey | null>> = {
    givenName: checkName(v.givenName, true),
    fatherName: checkName(v.fatherName, false),
    grandfatherName: checkName(v.grandfatherName, false),
    familyName: checkName(v.familyName, true),
    fullNameEn: checkName(v.fullNameEn, false),
    sex: v.sex ? null : 'valid.required',
    dateOfBirth: checkDateOfBirth(v.dateOfBirth),
    nationalId: checkNationalId(v.nationalId).error,
    phone: checkPhone(v.phone),
    governorate: v.governorate ? null : 'valid.required',
  };
  return Object.fromEntries(Object.entries(e).filter(([, m]) => m)) as Partial<Record<FieldName, MessageKey>>;
}

function useDuplicates(v: Values): PersonSummaryT[] {
  const { api } = useSession();
  const [found, setFound] = useState<PersonSummaryT[]>([]);
  const nid = normalNationalId(v.nationalId);
  const name = [v.givenName, v.fatherName, v.grandfatherName, v.familyName].map((s) => s.trim()).filter(Boolean).join(' ');
  const nameOk = !checkName(v.givenName, true) && !checkName(v.familyName, true);
  useEffect(() => {
    const body = /^[0-9]{9}$/.test(nid) ? { nationalId: nid, limit: 5 } : nameOk ? { query: name, limit: 5 } : null;
    if (!body) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.post<Page<PersonSummaryT>>('/api/v1/persons/search', body).then((p) => live && setFound(p.items), () => undefined);
    }, 600);
    return () => { live = false; clearTimeout(timer); };
  }, [api, nid, name, nameOk]);
  return found;
}

export function PersonForm({ first, onAdded }: { first: boolean; onAdded: (p: PersonViewT, relationship: Relationship) => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const governorates = user?.me?.governorates ?? [];
  const [v, setV] = useState<Values>(() => blank(governorates[0] ?? '', first ? 'head' : 'spouse'));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [operationId, setOperationId] = useState(newOperationId);
  const errors = useMemo(() => validate(v), [v]);
  const duplicates = useDuplicates(v);
  const serverErrors = error instanceof ApiError ? error.fieldErrors : [];

  useEffect(() => {
    if (!v.governorate && governorates[0]) setV((x) => ({ ...x, governorate: governorates[0]! }));
  }, [governorates, v.governorate]);

  const show = (f: FieldName): string | null => {
    const server = serverErrors.find((e) => e.field === f);
    if (server) return t('valid.server', { reason: server.reason });
    const k = errors[f];
    return k && (touched[f] || submitted) ? t(k) : null;
  };
  const bind = (f: FieldName) => ({
    name: f,
    value: v[f],
    onChange: (e: { target: { value: string } }) => { setV({ ...v, [f]: e.target.value }); setTouched({ ...touched, [f]: true }); },
    onBlur: () => setTouched({ ...touched, [f]: true }),
    error: show(f),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      const firstBad = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      firstBad?.focus();
      return;
    }
    const body: PersonInputT = {
      givenName: v.givenName.trim(),
      familyName: v.familyName.trim(),
      governorate: v.governorate,
      ...(v.fatherName.trim() ? { fatherName: v.fatherName.trim() } : {}),
      ...(v.grandfatherName.trim() ? { grandfatherName: v.grandfatherName.trim() } : {}),
      ...(v.fullNameEn.trim() ? { fullNameEn: v.fullNameEn.trim() } : {}),
      ...(v.sex ? { sex: v.sex } : {}),
      ...(v.dateOfBirth.trim() ? { dateOfBirth: asciiDigits(v.dateOfBirth.trim()) } : {}),
      ...(v.nationalId.trim() ? { nationalId: normalNationalId(v.nationalId) } : {}),
      ...(v.phone.trim() ? { phone: asciiDigits(v.phone.trim()) } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<PersonViewT>('/api/v1/persons', body, { idempotencyKey: operationId });
      onAdded(p, v.relationship);
      setV(blank(v.governorate, 'son'));
      setTouched({});
      setSubmitted(false);
      setOperationId(newOperationId());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const nidWarning = checkNationalId(v.nationalId).warning;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="person-form-title">
      <h2 id="person-form-title">{t('register.personForm')}</h2>
      <SelectField label={t('household.relationship')} {...bind('relationship')} error={null}>
        {relationships.map((r) => <option key={r} value={r}>{t(relKey(r))}</option>)}
      </SelectField>
      <fieldset>
        <legend>{t('register.nameParts')}</legend>
        <div className="grid-2">
          <TextField label={t('person.givenName')} autoComplete="off" dir="auto" {...bind('givenName')} />
          <TextField label={t('person.fatherName')} optional autoComplete="off" dir="auto" {...bind('fatherName')} />
          <TextField label={t('person.grandfatherName')} optional autoComplete="off" dir="auto" {...bind('grandfatherName')} />
          <TextField label={t('person.familyName')} autoComplete="off" dir="auto" {...bind('familyName')} />
        </div>
      </fieldset>
      <TextField label={t('person.fullNameEn')} optional autoComplete="off" dir="ltr" lang="en" {...bind('fullNameEn')} />
      <fieldset className="segmented" aria-invalid={show('sex') ? true : undefined}>
        <legend>{t('person.sex')}</legend>
        {(['female', 'male'] as const).map((s) => (
          <label key={s} className={v.sex === s ? 'selected' : ''}>
            <input type="radio" name="sex" value={s} checked={v.sex === s} onChange={() => { setV({ ...v, sex: s }); setTouched({ ...touched, sex: true }); }} />
            {t(`sex.${s}`)}
          </label>
        ))}
        {show('sex') && <p className="error-text" role="alert">{show('sex')}</p>}
      </fieldset>
      <TextField label={t('register.dobOrAge')} optional inputMode="numeric" dir="ltr" placeholder="1990-03-12" autoComplete="off" {...bind('dateOfBirth')} />
      <div className="grid-2">
        <TextField label={t('person.nationalId')} optional inputMode="numeric" dir="ltr" autoComplete="off" maxLength={20} {...bind('nationalId')} warning={nidWarning ? t(nidWarning) : null} />
        <TextField label={t('person.phone')} optional type="tel" inputMode="tel" dir="ltr" autoComplete="off" {...bind('phone')} />
      </div>
      <SelectField label={t('person.governorate')} {...bind('governorate')}>
        {governorates.map((g) => <option key={g} value={g}>{govName(g)}</option>)}
      </SelectField>
      {duplicates.length > 0 && (
        <Alert kind="warning">
          <p>{t('register.duplicates')}</p>
          <ul>
            {duplicates.map((d) => <li key={d.id}><PersonName fullName={d.fullName} fullNameEn={d.fullNameEn} /> · {govName(d.governorate)}</li>)}
          </ul>
        </Alert>
      )}
      {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{busy ? t('register.adding') : t('register.addPerson')}</button>
    </form>
  );
}
