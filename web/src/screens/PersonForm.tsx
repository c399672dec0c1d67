// The form for one person, validated as you type. Possible duplicates (same national ID, or a
// similar name) are looked up through the search API while typing and shown as a warning.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, newOperationId } from '../api/client.ts';
import { can } from '../access.ts';
import { relationships, type Relationship, type Sex, sexes } from '../../../src/shared/vocabulary.ts';
import type { CheckResponseT, DraftCheckT, PersonInputT, PersonViewT } from '../api/types.ts';
import { Alert, errorKey, PersonName, SelectField, TextField } from '../components/ui.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { asciiDigits, checkDateOfBirth, checkName, checkNationalId, checkPhone, normalNationalId } from '../validate.ts';
import { serverReasonKey } from '../serverReasons.ts';
import { relKey } from './HouseholdPage.tsx';

export type Values = {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  fullNameEn: string;
  sex: Sex | '';
  dateOfBirth: string;
  nationalId: string;
  phone: string;
  governorate: string;
  relationship: Relationship;
};
export type FieldName = keyof Values;

const blank = (governorate: string, relationship: Relationship): Values => ({
  givenName: '',
  fatherName: '',
  grandfatherName: '',
  familyName: '',
  fullNameEn: '',
  sex: '',
  dateOfBirth: '',
  nationalId: '',
  phone: '',
  governorate,
  relationship,
});

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

type Match = CheckResponseT['matches'][number];

/** Identity resolution while typing: the draft goes (debounced, in a POST body) to the duplicate check. */
function useDuplicates(v: Values): Match[] {
  const { api, user } = useSession();
  const [found, setFound] = useState<Match[]>([]);
  const may = can(user?.role, 'checkDuplicates');
  const draft = useMemo<DraftCheckT | null>(() => {
    const nid = normalNationalId(v.nationalId);
    const d: DraftCheckT = { limit: 5 };
    for (const f of ['givenName', 'fatherName', 'grandfatherName', 'familyName', 'fullNameEn'] as const)
      if (!checkName(v[f], true)) d[f] = v[f].trim();
    if (v.sex) d.sex = v.sex;
    if (v.dateOfBirth.trim() && !checkDateOfBirth(v.dateOfBirth)) d.dateOfBirth = asciiDigits(v.dateOfBirth.trim());
    if (/^[0-9]{9}$/.test(nid)) d.nationalId = nid;
    if (v.phone.trim() && !checkPhone(v.phone)) d.phone = asciiDigits(v.phone.trim());
    if (v.governorate) d.governorate = v.governorate;
    return d.givenName || d.familyName || d.nationalId || d.phone ? d : null;
  }, [v]);
  const key = JSON.stringify(draft);
  useEffect(() => {
    if (!draft || !may) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.post<CheckResponseT>('/api/v1/duplicates/check', draft).then(
        (r) => live && setFound(r.matches),
        () => undefined,
      );
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key, may]); // eslint-disable-line react-hooks/exhaustive-deps
  return found;
}

/** What the server receives: trimmed, Latin digits, empty fields left out. */
export function personBody(v: Values): PersonInputT {
  return {
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
}

/** Registers one person: one operation id per person, so a retry cannot register them twice. */
function useAddPerson() {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [operationId, setOperationId] = useState(newOperationId);
  async function send(body: PersonInputT): Promise<PersonViewT | null> {
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<PersonViewT>('/api/v1/persons', body, { idempotencyKey: operationId });
      setOperationId(newOperationId());
      return p;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, send };
}

export type Bind = (f: FieldName) => {
  name: FieldName;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  onBlur: () => void;
  error: string | null;
};

/**
 * The form's values (from `initial`, given the user's governorates), what was touched, and each
 * field's message (the server's first, in the reader's language, then ours once touched).
 */
export function usePersonValues(initial: (governorates: string[]) => Values, error: unknown) {
  const { t } = useI18n();
  const { user } = useSession();
  const governorates = user?.me?.governorates ?? [];
  const [v, setV] = useState<Values>(() => initial(governorates));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const errors = useMemo(() => validate(v), [v]);
  const serverErrors = error instanceof ApiError ? error.fieldErrors : [];

  useEffect(() => {
    if (!v.governorate && governorates[0]) setV((x) => ({ ...x, governorate: governorates[0]! }));
  }, [governorates, v.governorate]);

  const show = (f: FieldName): string | null => {
    const server = serverErrors.find((e) => e.field === f);
    if (server) return t(serverReasonKey(server.reason));
    const k = errors[f];
    return k && (touched[f] || submitted) ? t(k) : null;
  };
  const set = (f: FieldName, value: string) => {
    setV({ ...v, [f]: value });
    setTouched({ ...touched, [f]: true });
  };
  const bind: Bind = (f) => ({
    name: f,
    value: v[f],
    onChange: (e) => set(f, e.target.value),
    onBlur: () => setTouched({ ...touched, [f]: true }),
    error: show(f),
  });
  const next = () => {
    setV(blank(v.governorate, 'son'));
    setTouched({});
    setSubmitted(false);
  };
  return { v, governorates, errors, show, set, bind, next, submit: () => setSubmitted(true) };
}

export function PersonForm({ first, onAdded }: { first: boolean; onAdded: (p: PersonViewT, relationship: Relationship) => void }) {
  const { t } = useI18n();
  const { busy, error, send } = useAddPerson();
  const {
    v,
    governorates,
    errors,
    show,
    set,
    bind,
    next,
    submit: markSubmitted,
  } = usePersonValues((g) => blank(g[0] ?? '', first ? 'head' : 'spouse'), error);
  const duplicates = useDuplicates(v);

  async function submit(e: FormEvent) {
    e.preventDefault();
    markSubmitted();
    if (Object.keys(errors).length > 0) {
      const firstBad = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      firstBad?.focus();
      return;
    }
    const p = await send(personBody(v));
    if (!p) return;
    onAdded(p, v.relationship);
    next();
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="person-form-title">
      <h2 id="person-form-title">{t('register.personForm')}</h2>
      <SelectField label={t('household.relationship')} {...bind('relationship')} error={null}>
        {relationships.map((r) => (
          <option key={r} value={r}>
            {t(relKey(r))}
          </option>
        ))}
      </SelectField>
      <PersonFields v={v} bind={bind} show={show} set={set} governorates={governorates} />
      <DuplicateWarning duplicates={duplicates} />
      {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? t('register.adding') : t('register.addPerson')}
      </button>
    </form>
  );
}

/** The fields of a person, shared by registration and the edit form. */
export function PersonFields({
  v,
  bind,
  show,
  set,
  governorates,
}: {
  v: Values;
  bind: Bind;
  show: (f: FieldName) => string | null;
  set: (f: FieldName, value: string) => void;
  governorates: string[];
}) {
  const { t } = useI18n();
  const govName = useGovernorateName();
  const choices = v.governorate && !governorates.includes(v.governorate) ? [...governorates, v.governorate] : governorates;
  return (
    <>
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
      <SexField value={v.sex} error={show('sex')} onPick={(s) => set('sex', s)} />
      <IdentityFields bind={bind} nationalId={v.nationalId} />
      <SelectField label={t('person.governorate')} {...bind('governorate')}>
        {choices.map((g) => (
          <option key={g} value={g}>
            {govName(g)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function SexField({ value, error, onPick }: { value: Sex | ''; error: string | null; onPick: (s: Sex) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="segmented" aria-invalid={error ? true : undefined}>
      <legend>{t('person.sex')}</legend>
      {sexes.map((s) => (
        <label key={s} className={value === s ? 'selected' : ''}>
          <input type="radio" name="sex" value={s} checked={value === s} onChange={() => onPick(s)} />
          {t(`sex.${s}`)}
        </label>
      ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Date of birth (or age), national ID (a failed check digit is a warning only) and phone. */
function IdentityFields({ bind, nationalId }: { bind: Bind; nationalId: string }) {
  const { t } = useI18n();
  const nidWarning = checkNationalId(nationalId).warning;
  return (
    <>
      <TextField
        label={t('register.dobOrAge')}
        optional
        inputMode="numeric"
        dir="ltr"
        placeholder="1990-03-12"
        autoComplete="off"
        {...bind('dateOfBirth')}
      />
      <div className="grid-2">
        <TextField
          label={t('person.nationalId')}
          optional
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          maxLength={20}
          {...bind('nationalId')}
          warning={nidWarning ? t(nidWarning) : null}
        />
        <TextField label={t('person.phone')} optional type="tel" inputMode="tel" dir="ltr" autoComplete="off" {...bind('phone')} />
      </div>
    </>
  );
}

/** Records that may be the same person, found while typing. */
function DuplicateWarning({ duplicates }: { duplicates: Match[] }) {
  const { t, day } = useI18n();
  const govName = useGovernorateName();
  if (duplicates.length === 0) return null;
  return (
    <Alert kind="warning">
      <p>{t('register.duplicates')}</p>
      <ul className="matches">
        {duplicates.map((m) => (
          <li key={m.person.id}>
            <strong>
              <PersonName fullName={m.person.fullName} fullNameEn={m.person.fullNameEn} />
            </strong>
            {' · '}
            {govName(m.person.governorate)}
            {m.person.dateOfBirth ? ` · ${day(m.person.dateOfBirth, m.person.dobPrecision ?? 'exact')}` : ''}
            <br />
            <span className={m.decision === 'likely_same' ? 'badge badge-warning' : 'badge'}>
              {t(m.decision === 'likely_same' ? 'register.likelySame' : 'register.review')} ·{' '}
              {t('register.probability', { percent: Math.round(m.probability * 100) })}
            </span>
            {m.conflict && <span className="badge">{t('register.conflict')}</span>}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
