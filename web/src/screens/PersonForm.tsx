// The form for one person, validated as you type (registration keeps each member in the draft on
// the device; EditPerson.tsx shares the fields). Possible duplicates (same national ID, a similar
// name) are checked at once when a name part, the ID number or the birth date loses focus, and
// after a pause in typing; each match opens in a panel and can be used instead of a new record.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { can } from '../access.ts';
import { relationships, type Relationship, type Sex, sexes } from '../../../src/shared/vocabulary.ts';
import type { CheckResponseT, DraftCheckT, PersonInputT, PersonViewT } from '../api/types.ts';
import { Alert, errorKey, PersonName, SelectField, TextField } from '../components/ui.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { asciiDigits, checkDateOfBirth, checkName, checkNationalId, checkPhone, normalNationalId } from '../validate.ts';
import { serverReasonKey } from '../serverReasons.ts';
import { relKey } from './HouseholdPage.tsx';
import { pathOf } from '../router.tsx';

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

export type Match = CheckResponseT['matches'][number];

/** The fields whose blur runs the duplicate check at once (not only after the pause in typing). */
const CHECK_ON_BLUR: readonly FieldName[] = [
  'givenName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'fullNameEn',
  'nationalId',
  'dateOfBirth',
];

function draftOf(v: Values): DraftCheckT | null {
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
}

/**
 * Identity resolution while typing: the draft goes (in a POST body) to the duplicate check at once
 * when a name part, the ID number or the birth date loses focus, and after a pause in typing.
 */
function useDuplicates(v: Values): { found: Match[]; checkNow: () => void } {
  const { api, user } = useSession();
  const [found, setFound] = useState<Match[]>([]);
  const may = can(user?.role, 'checkDuplicates');
  const draft = useMemo(() => draftOf(v), [v]);
  const key = JSON.stringify(draft);
  const asked = useRef<string | null>(null);
  const run = useCallback(
    (d: DraftCheckT | null, k: string) => {
      if (!d || !may) {
        asked.current = null;
        setFound([]);
        return;
      }
      if (asked.current === k) return;
      asked.current = k;
      api.post<CheckResponseT>('/api/v1/duplicates/check', d).then(
        (r) => asked.current === k && setFound(r.matches),
        () => {
          if (asked.current === k) asked.current = null; // offline: ask again on the next blur
        },
      );
    },
    [api, may],
  );
  useEffect(() => {
    if (!draft) return run(null, key); // an emptied form (a member added) shows no old matches
    const timer = setTimeout(() => run(draft, key), 500);
    return () => clearTimeout(timer);
  }, [run, key]); // eslint-disable-line react-hooks/exhaustive-deps
  return { found, checkNow: () => run(draft, key) };
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
export function usePersonValues(
  initial: (governorates: string[]) => Values,
  error: unknown,
  onBlurField: (f: FieldName) => void = () => undefined,
) {
  const { t } = useI18n();
  const { user } = useSession();
  const governorates = user?.me?.governorates ?? [];
  const [v, setV] = useState<Values>(() => initial(governorates));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const errors = useMemo(() => validate(v), [v]);
  const serverErrors = error instanceof ApiError ? error.fieldErrors : [];

  useEffect(() => {
    // Only an officer of one governorate gets it by default: a list's first entry is no one's default.
    if (!v.governorate && governorates.length === 1) setV((x) => ({ ...x, governorate: governorates[0]! }));
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
    onBlur: () => {
      setTouched({ ...touched, [f]: true });
      onBlurField(f);
    },
    error: show(f),
  });
  const next = (values: Values) => {
    setV(values);
    setTouched({});
    setSubmitted(false);
  };
  return { v, setV, touched, governorates, errors, show, set, bind, next, submit: () => setSubmitted(true) };
}

export type PersonFormProps = {
  /** The values to start from (a member being edited, or the form as it was left). */
  initial: Values;
  /** A member of the draft is being edited (the button says so, and there is a cancel). */
  editing: boolean;
  /** The household's governorate: a new member's default until the officer picks another. */
  householdGovernorate: string;
  /** The server's answer to the last save, for the messages of this member's fields. */
  error: unknown;
  onValues: (v: Values) => void;
  onSubmit: (v: Values, body: PersonInputT) => void;
  onUseExisting: (m: Match['person'], relationship: Relationship) => void;
  onCancel: () => void;
};

/** One member of the household being prepared: kept on the device, sent with the household. */
export function PersonForm(props: PersonFormProps) {
  const { t } = useI18n();
  const checkNowRef = useRef<() => void>(() => undefined);
  const form = usePersonValues(
    () => props.initial,
    props.error,
    (f) => CHECK_ON_BLUR.includes(f) && checkNowRef.current(),
  );
  const { v, setV, touched, governorates, errors, show, set, bind, next, submit: markSubmitted } = form;
  const { found, checkNow } = useDuplicates(v);
  checkNowRef.current = checkNow;
  const { onValues, householdGovernorate } = props;
  useEffect(() => onValues(v), [v, onValues]);
  useEffect(() => {
    if (householdGovernorate && !touched.governorate) setV((x) => ({ ...x, governorate: householdGovernorate }));
  }, [householdGovernorate]); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(e: FormEvent) {
    e.preventDefault();
    markSubmitted();
    if (Object.keys(errors).length > 0) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    props.onSubmit(v, personBody(v));
    next(blank(householdGovernorate, 'son'));
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="person-form-title">
      <h2 id="person-form-title">{t(props.editing ? 'registration.editMember' : 'register.personForm')}</h2>
      <SelectField label={t('household.relationship')} {...bind('relationship')} error={null}>
        {relationships.map((r) => (
          <option key={r} value={r}>
            {t(relKey(r))}
          </option>
        ))}
      </SelectField>
      <PersonFields v={v} bind={bind} show={show} set={set} governorates={governorates} />
      <DuplicateWarning
        duplicates={found}
        onUse={(m) => {
          props.onUseExisting(m, v.relationship);
          next(blank(householdGovernorate, 'son'));
        }}
      />
      <button type="submit" className="btn btn-primary btn-block">
        {t(props.editing ? 'registration.updateMember' : 'register.addPerson')}
      </button>
      {props.editing && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => {
            next(blank(householdGovernorate, 'son'));
            props.onCancel();
          }}
        >
          {t('common.cancel')}
        </button>
      )}
    </form>
  );
}

/** A new member's empty form: the household's governorate, the relationship given. */
export const blankMember = blank;

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

/** Records that may be the same person, found while typing: each opens in a panel, and may be used instead. */
function DuplicateWarning({ duplicates, onUse }: { duplicates: Match[]; onUse: (m: Match['person']) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (duplicates.length === 0) return null;
  return (
    <Alert kind="warning">
      <p>{t('register.duplicates')}</p>
      <ul className="matches">
        {duplicates.map((m) => (
          <li key={m.person.id}>
            <MatchLine m={m} open={open === m.person.id} onToggle={() => setOpen(open === m.person.id ? null : m.person.id)} />
            {open === m.person.id && <PersonPanel id={m.person.id} />}
            <button type="button" className="btn btn-small btn-secondary" onClick={() => onUse(m.person)}>
              {t('registration.useExisting')}
            </button>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** A match: the name as a link to the person (opened in a panel here, so the draft stays in view), the place, the date, the score. */
function MatchLine({ m, open, onToggle }: { m: Match; open: boolean; onToggle: () => void }) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  return (
    <>
      <a
        href={pathOf({ name: 'person', id: m.person.id })}
        className="match-name"
        aria-expanded={open}
        onClick={(e) => {
          e.preventDefault();
          onToggle();
        }}
      >
        <PersonName fullName={m.person.fullName} fullNameEn={m.person.fullNameEn} />
      </a>
      {sep}
      {govName(m.person.governorate)}
      {m.person.dateOfBirth ? `${sep}${day(m.person.dateOfBirth, m.person.dobPrecision ?? 'exact')}` : ''}
      <br />
      <span className={m.decision === 'likely_same' ? 'badge badge-warning' : 'badge'}>
        {t(m.decision === 'likely_same' ? 'register.likelySame' : 'register.review')}
        {sep}
        {t('register.probability', { percent: Math.round(m.probability * 100) })}
      </span>
      {m.conflict && <span className="badge">{t('register.conflict')}</span>}
    </>
  );
}

/** The registered person's details (GET /persons/:id, a logged read), to compare before choosing. */
function PersonPanel({ id }: { id: string }) {
  const { t, day, digitsOf } = useI18n();
  const { api } = useSession();
  const govName = useGovernorateName();
  const [p, setP] = useState<PersonViewT | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<PersonViewT>(`/api/v1/persons/${id}`).then(
      (x) => live && setP(x),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  if (error) return <p className="error-text">{t(errorKey(error))}</p>;
  if (!p) return <p className="muted">{t('common.loading')}</p>;
  const rows: [MessageKey, string | null][] = [
    ['person.givenName', p.givenName],
    ['person.fatherName', p.fatherName],
    ['person.grandfatherName', p.grandfatherName],
    ['person.familyName', p.familyName],
    ['person.dateOfBirth', p.dateOfBirth ? day(p.dateOfBirth, p.dobPrecision ?? 'exact') : null],
    ['person.nationalId', p.nationalId ? digitsOf(p.nationalId) : null],
    ['person.governorate', govName(p.governorate)],
  ];
  return (
    <section className="match-panel" aria-label={t('registration.matchDetails')}>
      <dl className="facts">
        {rows
          .filter(([, value]) => value)
          .map(([k, value]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
      </dl>
      <p className="muted">{t(p.household ? 'registration.inHousehold' : 'registration.noHousehold')}</p>
      <a href={pathOf({ name: 'person', id })} target="_blank" rel="noopener opener">
        {t('registration.openPerson')}
      </a>
    </section>
  );
}
