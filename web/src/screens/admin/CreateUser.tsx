// A new account: username, person or machine, role, governorates (the administrator's own only) and,
// for a person, a temporary password that they replace at their first sign-in. Opens the account's
// page when made.
import { type FormEvent, useState } from 'react';
import { PASSWORD_MIN } from '../../../../src/shared/firstRun.ts';
import { newOperationId } from '../../api/client.ts';
import type { UserInputT, UserViewT } from '../../api/types.ts';
import { Alert, errorKey, TextField } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRouter } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { badFields, GovernoratePicker, RoleSelect } from './parts.tsx';

const USERNAME = /^[a-z0-9._-]{3,100}$/;

type Draft = { username: string; kind: 'person' | 'machine'; role: string; governorates: string[]; password: string };

function problemsOf(d: Draft): Set<string> {
  const bad = new Set<string>();
  if (!USERNAME.test(d.username)) bad.add('username');
  if (!d.role) bad.add('role');
  if (d.governorates.length === 0) bad.add('governorates');
  if (d.kind === 'person' && d.password.length < PASSWORD_MIN) bad.add('password');
  return bad;
}

export function CreateUser({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { go } = useRouter();
  const [d, setD] = useState<Draft>({ username: '', kind: 'person', role: '', governorates: [], password: '' });
  const [bad, setBad] = useState<Set<string>>(new Set());
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [opId] = useState(newOperationId);
  const set = (patch: Partial<Draft>) => {
    setD({ ...d, ...patch });
    // an edited field's message goes; the rest stay until the next try
    const left = new Set([...bad].filter((f) => !(f in patch)));
    setBad(left);
    if (left.size === 0) setError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = problemsOf(d);
    setBad(local);
    setError(local.size ? 'common.fixFields' : null);
    if (local.size) return;
    setBusy(true);
    try {
      const body: UserInputT = { username: d.username, kind: d.kind, role: d.role as UserInputT['role'], governorates: d.governorates };
      if (d.kind === 'person') body.password = d.password;
      const u = await api.post<UserViewT>('/api/v1/users', body, { idempotencyKey: opId });
      go({ name: 'user', id: u.id });
    } catch (err) {
      setBad(badFields(err));
      setError(errorKey(err, { username_taken: 'admin.user.usernameTaken' }));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string, key: MessageKey) => (bad.has(f) ? t(key, { min: PASSWORD_MIN }) : null);
  return (
    <form className="card create-user" onSubmit={submit} noValidate aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.users.new')}</h2>
      <TextField
        label={t('admin.user.username')}
        hint={t('admin.user.usernameHint')}
        name="username"
        dir="ltr"
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        value={d.username}
        onChange={(e) => set({ username: e.target.value.trim().toLowerCase() })}
        error={error === 'admin.user.usernameTaken' ? t(error) : fieldError('username', 'admin.user.usernameBad')}
      />
      <fieldset className="segmented">
        <legend>{t('admin.user.kind')}</legend>
        {(['person', 'machine'] as const).map((k) => (
          <label key={k} className={d.kind === k ? 'selected' : undefined}>
            <input type="radio" name="kind" value={k} checked={d.kind === k} onChange={() => set({ kind: k })} />
            {t(`admin.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t(d.kind === 'person' ? 'admin.kind.personHint' : 'admin.kind.machineHint')}</p>
      <RoleSelect value={d.role} onChange={(role) => set({ role })} error={fieldError('role', 'valid.required')} />
      <GovernoratePicker
        value={d.governorates}
        onChange={(governorates) => set({ governorates })}
        error={fieldError('governorates', 'admin.user.governoratesRequired')}
      />
      {d.kind === 'person' && (
        <TextField
          label={t('admin.user.temporaryPassword')}
          hint={t('admin.user.temporaryPasswordHint', { min: PASSWORD_MIN })}
          name="temporaryPassword"
          type="text"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={d.password}
          onChange={(e) => set({ password: e.target.value })}
          error={fieldError('password', 'admin.user.passwordShort')}
        />
      )}
      {error && error !== 'admin.user.usernameTaken' && <Alert kind="error">{t(error)}</Alert>}
      <p className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.loading') : t('admin.users.create')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
