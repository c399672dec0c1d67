// New registration: the household and its members are prepared on the device (a draft kept in
// localStorage, so a reload or a lost connection loses nothing) and sent in ONE request when the
// officer saves: POST /api/v1/registrations, all or nothing, with the draft's operation id. Offline,
// the save waits in the registration outbox and goes when the connection returns (once).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, NetworkError } from '../api/client.ts';
import type { PersonInputT, PersonViewT, Relationship, RegistrationViewT } from '../api/types.ts';
import { Alert, errorKey, Loading, PersonName, Screen, SelectField, TextField } from '../components/ui.tsx';
import { useI18n } from '../i18n/index.tsx';
import { clearDraft, loadDraft, saveDraft } from '../registration/draftStore.ts';
import {
  type Draft,
  type DraftMember,
  draftProblems,
  emptyDraft,
  MAX_MEMBERS,
  memberName,
  memberOfField,
  registrationBody,
} from '../registration/draft.ts';
import { enqueue } from '../registration/outbox.ts';
import { useRouter } from '../router.tsx';
import { serverReasonKey } from '../serverReasons.ts';
import { useGovernorateName, useSession } from '../session.tsx';
import { relKey } from './HouseholdPage.tsx';
import { blankMember, type Match, PersonForm, type Values } from './PersonForm.tsx';
import { QueuedRegistrations } from './RegisterQueue.tsx';

export function Register() {
  const { t } = useI18n();
  const { user } = useSession();
  const me = user?.me;
  if (!me) {
    return (
      <Screen title={t('register.title')} narrow>
        <Loading />
      </Screen>
    );
  }
  const owner = me.userId ?? me.username ?? me.orgId;
  return <RegisterDraft key={owner} owner={owner} orgId={me.orgId} own={me.governorates.length === 1 ? me.governorates[0]! : ''} />;
}

/** The server's refusal of one member, with its fields as the member form names them (`members.2.person.givenName` -> givenName). */
function memberError(error: unknown, index: number): unknown {
  if (!(error instanceof ApiError) || !error.problem) return null;
  const prefix = `members.${index}.person.`;
  const errors = error.fieldErrors.filter((e) => e.field.startsWith(prefix)).map((e) => ({ ...e, field: e.field.slice(prefix.length) }));
  return errors.length ? new ApiError(error.status, { ...error.problem, errors }) : null;
}

/** The draft, kept on the device after every change. */
function useDraft(owner: string, own: string) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(owner) ?? emptyDraft(own));
  const [kept, setKept] = useState(true);
  useEffect(() => setKept(saveDraft(owner, draft)), [owner, draft]);
  const restart = () => {
    clearDraft(owner);
    setDraft(emptyDraft(own));
  };
  return { draft, setDraft, kept, restart };
}

function RegisterDraft({ owner, orgId, own }: { owner: string; orgId: string; own: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { draft, setDraft, kept, restart } = useDraft(owner, own);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'queued' | 'added' | null>(null);
  const editing = draft.members.find((m) => m.key === draft.editing && m.kind === 'new');
  const initial: Values =
    editing?.kind === 'new' ? editing.values : (draft.form ?? blankMember(draft.governorate, draft.members.length ? 'son' : 'head'));

  const onValues = useCallback((v: Values) => setDraft((d) => ({ ...d, form: v })), [setDraft]);
  function onSubmit(v: Values, body: PersonInputT) {
    setNotice('added');
    setDraft((d) => {
      const member: DraftMember = { key: d.editing ?? crypto.randomUUID(), kind: 'new', relationship: v.relationship, values: v, body };
      const members = d.editing ? d.members.map((m) => (m.key === d.editing ? member : m)) : [...d.members, member];
      return { ...d, members, editing: null, form: null };
    });
    if (draft.editing) setFormKey((k) => k + 1);
  }
  async function onUseExisting(p: Match['person'], relationship: Relationship) {
    if (draft.members.some((m) => m.kind === 'existing' && m.person.id === p.id)) return;
    const key = crypto.randomUUID();
    const person = { id: p.id, fullName: p.fullName, fullNameEn: p.fullNameEn, governorate: p.governorate, dateOfBirth: p.dateOfBirth };
    setDraft((d) => ({
      ...d,
      form: null,
      members: [...d.members, { key, kind: 'existing', relationship, person: { ...person, inOtherHousehold: false } }],
    }));
    setNotice('added');
    // Whether they belong to another household now: the draft says that saving moves them here.
    const full = await api.get<PersonViewT>(`/api/v1/persons/${p.id}`).catch(() => null);
    if (full?.household)
      setDraft((d) => ({
        ...d,
        members: d.members.map((m) =>
          m.key === key && m.kind === 'existing' ? { ...m, person: { ...m.person, inOtherHousehold: true } } : m,
        ),
      }));
  }
  const edit = (key: string | null) => {
    setDraft((d) => ({ ...d, editing: key, form: null }));
    setFormKey((k) => k + 1);
  };

  return (
    <Screen title={t('register.title')} narrow>
      {!kept && <Alert kind="warning">{t('registration.notKept')}</Alert>}
      {notice === 'queued' && <Alert kind="success">{t('registration.queued')}</Alert>}
      <QueuedRegistrations onRestore={(d) => (draft.members.length ? false : (setDraft(d), true))} />
      <h2 className="step">{t('registration.step1')}</h2>
      <HouseholdFields draft={draft} setDraft={setDraft} />
      <h2 className="step">{t('registration.step2')}</h2>
      {notice === 'added' && <Alert kind="success">{t('registration.addedToDraft')}</Alert>}
      {draft.members.length < MAX_MEMBERS || editing ? (
        <PersonForm
          key={`${formKey}-${draft.editing ?? 'new'}`}
          initial={initial}
          editing={Boolean(editing)}
          householdGovernorate={draft.governorate}
          error={editing ? memberError(error, draft.members.indexOf(editing)) : null}
          onValues={onValues}
          onSubmit={onSubmit}
          onUseExisting={(p, r) => void onUseExisting(p, r)}
          onCancel={() => edit(null)}
        />
      ) : (
        <p className="muted">{t('registration.full', { count: MAX_MEMBERS })}</p>
      )}
      <h2 className="step">{t('registration.step3')}</h2>
      <SaveHousehold
        key={draft.operationId}
        draft={draft}
        orgId={orgId}
        error={error}
        setError={setError}
        onEdit={edit}
        onRemove={(key) =>
          setDraft((d) => ({ ...d, members: d.members.filter((m) => m.key !== key), editing: d.editing === key ? null : d.editing }))
        }
        onDone={(queued) => {
          restart();
          setFormKey((k) => k + 1);
          setNotice(queued ? 'queued' : null);
        }}
      />
    </Screen>
  );
}

/** The household's governorate (the officer's own by default, if they have one) and its record id. */
function HouseholdFields({ draft, setDraft }: { draft: Draft; setDraft: (f: (d: Draft) => Draft) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const govName = useGovernorateName();
  const governorates = user?.me?.governorates ?? [];
  return (
    <section className="card" aria-labelledby="household-fields-title">
      <h3 id="household-fields-title">{t('registration.householdTitle')}</h3>
      <SelectField
        label={t('registration.householdGovernorate')}
        name="householdGovernorate"
        value={draft.governorate}
        onChange={(e) => setDraft((d) => ({ ...d, governorate: e.target.value }))}
      >
        {!draft.governorate && <option value="">{t('registration.chooseGovernorate')}</option>}
        {governorates.map((g) => (
          <option key={g} value={g}>
            {govName(g)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('household.recordId')}
        optional
        name="householdRecordId"
        dir="ltr"
        value={draft.recordId}
        onChange={(e) => setDraft((d) => ({ ...d, recordId: e.target.value }))}
      />
    </section>
  );
}

type SaveProps = {
  draft: Draft;
  orgId: string;
  error: unknown;
  setError: (e: unknown) => void;
  onEdit: (key: string) => void;
  onRemove: (key: string) => void;
  onDone: (queued: boolean) => void;
};

/** The members in the draft, and "Save household": one request, or the outbox when offline. */
function SaveHousehold({ draft, orgId, error, setError, onEdit, onRemove, onDone }: SaveProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const { go } = useRouter();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const problems = draftProblems(draft);

  function queue() {
    const head = draft.members.find((m) => m.relationship === 'head');
    const summary = { head: head ? memberName(head) : null, count: draft.members.length };
    enqueue({ operationId: draft.operationId, orgId, body: registrationBody(draft), draft, ...summary });
    onDone(true);
  }
  async function save() {
    setTried(true);
    setError(null);
    if (problems.length) return;
    if (!navigator.onLine) return queue();
    setBusy(true);
    try {
      const h = await api.post<RegistrationViewT>('/api/v1/registrations', registrationBody(draft), { idempotencyKey: draft.operationId });
      onDone(false);
      go({ name: 'household', id: h.id });
    } catch (e) {
      if (e instanceof NetworkError) queue();
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <section className="card" aria-labelledby="members-title">
      <h3 id="members-title">{t('register.members', { count: draft.members.length })}</h3>
      {draft.members.length === 0 ? (
        <p className={tried ? 'error-text' : 'muted'}>{t('register.noMembers')}</p>
      ) : (
        <MemberList members={draft.members} errors={fieldErrors} onEdit={onEdit} onRemove={onRemove} />
      )}
      {tried &&
        problems
          .filter((p) => p !== 'noMembers')
          .map((p) => (
            <p key={p} className="error-text" role="alert">
              {t(p === 'oneHead' ? 'valid.onlyOneHead' : p === 'governorate' ? 'registration.needGovernorate' : 'registration.tooMany', {
                count: MAX_MEMBERS,
              })}
            </p>
          ))}
      {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
      <button type="button" className="btn btn-primary btn-block" disabled={busy} onClick={() => void save()}>
        {busy ? t('register.creating') : t('registration.save')}
      </button>
    </section>
  );
}

type ListProps = {
  members: DraftMember[];
  errors: { field: string; reason: string }[];
  onEdit: (key: string) => void;
  onRemove: (key: string) => void;
};

/** Each member: the name and the relationship as two labelled parts, the server's word on them, edit and remove. */
function MemberList({ members, errors, onEdit, onRemove }: ListProps) {
  const { t, sep } = useI18n();
  return (
    <ul className="list member-list">
      {members.map((m, i) => {
        const name = memberName(m);
        const problem = errors.find((e) => memberOfField(e.field) === i);
        return (
          <li key={m.key} className="list-item member-item">
            <dl className="member-parts">
              <div>
                <dt>{t('registration.memberName')}</dt>
                <dd className="list-title">
                  <PersonName fullName={name.fullName} fullNameEn={name.fullNameEn} />
                </dd>
              </div>
              <div>
                <dt>{t('household.relationship')}</dt>
                <dd>{t(relKey(m.relationship))}</dd>
              </div>
            </dl>
            {m.kind === 'existing' && (
              <p className="list-meta">
                {t('registration.existingRecord')}
                {m.person.inOtherHousehold ? `${sep}${t('registration.moves')}` : ''}
              </p>
            )}
            {problem && <p className="error-text">{t(serverReasonKey(problem.reason))}</p>}
            <div className="member-actions">
              {m.kind === 'new' && (
                <button
                  type="button"
                  className="btn btn-small btn-secondary"
                  aria-label={t('registration.editNamed', { name: name.fullName })}
                  onClick={() => onEdit(m.key)}
                >
                  {t('registration.edit')}
                </button>
              )}
              <button
                type="button"
                className="btn btn-small btn-secondary"
                aria-label={t('register.removeMember', { name: name.fullName })}
                onClick={() => onRemove(m.key)}
              >
                {t('registration.remove')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
