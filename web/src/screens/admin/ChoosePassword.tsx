// After signing in with a password an administrator set (a new account, a forgotten password), the
// person chooses their own before anything else: the app shows only this screen, and the server
// refuses everything else (403 password_change_required). No code is asked: the second factor was
// given a moment ago, at sign-in.
import { type FormEvent, useState } from 'react';
import { PASSWORD_MIN } from '../../../../src/shared/firstRun.ts';
import type { PasswordChangeInputT, PasswordChangeViewT } from '../../api/types.ts';
import { newPasswordProblem, PasswordPair } from '../../components/PasswordFields.tsx';
import { Alert, errorKey, Screen, TextField } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

export function ChoosePassword() {
  const { t } = useI18n();
  const { api, refreshMe } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const nextError = newPasswordProblem(current, next, true);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = !current ? 'common.fixFields' : (nextError ?? (again !== next ? 'admin.choose.mismatch' : null));
    setError(local);
    if (local) return;
    setBusy(true);
    try {
      const body: PasswordChangeInputT = { currentPassword: current, newPassword: next };
      await api.post<PasswordChangeViewT>('/api/v1/auth/password', body);
      await refreshMe();
    } catch (err) {
      setError(errorKey(err, { wrong_password: 'problem.wrong_password', validation: 'common.fixFields' }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Screen title={t('admin.choose.title')} narrow>
      <Alert kind="info">{t('admin.choose.intro')}</Alert>
      <form className="card choose-password" onSubmit={submit} noValidate>
        <PasswordPair
          current={current}
          next={next}
          onCurrent={setCurrent}
          onNext={setNext}
          currentLabel="admin.choose.current"
          currentError={error === 'problem.wrong_password' ? t(error) : error && !current ? t('valid.required') : null}
          nextError={error && error === nextError ? t(nextError, { min: PASSWORD_MIN }) : null}
        />
        <TextField
          label={t('admin.choose.again')}
          name="newPasswordAgain"
          type="password"
          autoComplete="new-password"
          dir="ltr"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          error={error === 'admin.choose.mismatch' ? t(error) : null}
        />
        {error && !['problem.wrong_password', nextError, 'admin.choose.mismatch'].includes(error) && current && (
          <Alert kind="error">{t(error)}</Alert>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('password.busy') : t('admin.choose.submit')}
        </button>
      </form>
    </Screen>
  );
}
