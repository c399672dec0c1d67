// Editing a person's registered fields, with the reason for the change (kept in the change log and
// shown in the history). The fields and their checks are the registration form's (PersonForm.tsx).
// The save sends the version that was read: if someone else changed the record meanwhile, the server
// answers 409 version_conflict and the screen says so in words and offers to reload the record.
import { type FormEvent, useMemo, useState } from 'react';
import { problemIdOf } from '../../../src/shared/problems.ts';
import { ApiError, newOperationId } from '../api/client.ts';
import type { PersonInputT, PersonViewT } from '../api/types.ts';
import { Alert, ErrorState, errorKey, FieldErrorList, Loading, PersonName, Screen, TextField } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { Link, useRouter } from '../router.tsx';
import { useSession } from '../session.tsx';
import { serverReasonKey } from '../serverReasons.ts';
import { PersonFields, personBody, usePersonValues, type Values } from './PersonForm.tsx';

export function EditPerson({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const person = useLoad(() => api.get<PersonViewT>(`/api/v1/persons/${id}`), [id, api]);
  if (person.loading || !person.data)
    return (
      <Screen title={t('edit.title')}>{person.error ? <ErrorState error={person.error} onRetry={person.reload} /> : <Loading />}</Screen>
    );
  // A reload brings a new version: the form starts again from the record as it is now.
  return <EditForm key={person.data.version} person={person.data} onReload={person.reload} />;
}

/** The text the date-of-birth field shows for a stored date and its precision. */
function dobText(p: PersonViewT): string {
  if (!p.dateOfBirth) return '';
  if (p.dobPrecision === 'month') return p.dateOfBirth.slice(0, 7);
  if (p.dobPrecision === 'year' || p.dobPrecision === 'estimated') return p.dateOfBirth.slice(0, 4);
  return p.dateOfBirth;
}

function valuesOf(p: PersonViewT): Values {
  return {
    givenName: p.givenName ?? '',
    fatherName: p.fatherName ?? '',
    grandfatherName: p.grandfatherName ?? '',
    familyName: p.familyName ?? '',
    fullNameEn: p.fullNameEn ?? '',
    sex: p.sex ?? '',
    dateOfBirth: dobText(p),
    nationalId: p.nationalId ?? '',
    phone: p.phone ?? '',
    governorate: p.governorate,
    relationship: 'head',
  };
}

/**
 * What the server receives. An estimated date of birth left as it was is sent as the same age (the
 * server estimates 1 July of that year again), so saving another field keeps it estimated.
 */
function updateBody(p: PersonViewT, v: Values, reason: string): PersonInputT {
  const body: PersonInputT = { ...personBody(v), version: p.version, reason: reason.trim() };
  if (p.dobPrecision === 'estimated' && p.dateOfBirth && v.dateOfBirth.trim() === dobText(p)) {
    const now = new Date();
    delete body.dateOfBirth;
    body.age = now.getUTCFullYear() - (now.getUTCMonth() < 6 ? 1 : 0) - Number(p.dateOfBirth.slice(0, 4));
  }
  return body;
}

function checkReason(reason: string): MessageKey | null {
  const s = reason.trim();
  if (!s) return 'valid.required';
  return s.length > 500 ? 'edit.reasonTooLong' : null;
}

/** Saves once per operation id, so a retry after a lost answer cannot apply the change twice. */
function useSave(id: string) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [operationId] = useState(newOperationId);
  async function send(body: PersonInputT): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await api.put<PersonViewT>(`/api/v1/persons/${id}`, body, { idempotencyKey: operationId });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, send };
}

const isConflict = (e: unknown) => e instanceof ApiError && problemIdOf(e.problem?.type) === 'version_conflict';

function EditForm({ person, onReload }: { person: PersonViewT; onReload: () => void }) {
  const { t } = useI18n();
  const { go } = useRouter();
  const { busy, error, send } = useSave(person.id);
  const initial = useMemo(() => valuesOf(person), [person]);
  const { v, governorates, errors, show, set, bind, submit: markSubmitted } = usePersonValues(() => initial, error);
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const serverReason = error instanceof ApiError ? error.fieldErrors.find((f) => f.field === 'reason') : undefined;
  const reasonKey = serverReason ? serverReasonKey(serverReason.reason) : reasonTouched || submitted ? checkReason(reason) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    markSubmitted();
    setSubmitted(true);
    const same = JSON.stringify(v) === JSON.stringify(initial);
    setUnchanged(same);
    if (Object.keys(errors).length > 0 || checkReason(reason) || same) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (await send(updateBody(person, v, reason))) go({ name: 'person', id: person.id });
  }

  return (
    <Screen title={t('edit.title')}>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="edit-person-name">
        <h2 id="edit-person-name" className="person-name">
          <PersonName fullName={person.fullName} fullNameEn={person.fullNameEn} />
        </h2>
        <PersonFields v={v} bind={bind} show={show} set={set} governorates={governorates} />
        <TextField
          label={t('edit.reason')}
          hint={t('edit.reasonHint')}
          name="reason"
          dir="auto"
          autoComplete="off"
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
          onBlur={() => setReasonTouched(true)}
          error={reasonKey ? t(reasonKey) : null}
        />
        {unchanged && <Alert kind="warning">{t('edit.noChange')}</Alert>}
        <SaveProblem error={error} onReload={onReload} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('edit.saving') : t('edit.save')}
          </button>
          <Link to={{ name: 'person', id: person.id }} className="btn btn-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Screen>
  );
}

function SaveProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (error === null) return null;
  if (isConflict(error))
    return (
      <Alert kind="error">
        <p>{t('edit.conflict')}</p>
        <button type="button" className="btn btn-secondary" onClick={onReload}>
          {t('edit.reload')}
        </button>
      </Alert>
    );
  return (
    <Alert kind="error">
      <p>{t(errorKey(error))}</p>
      <FieldErrorList error={error} />
    </Alert>
  );
}
