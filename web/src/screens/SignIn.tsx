import { useState, type FormEvent } from 'react';
import { ApiError, makeApi } from '../api/client.ts';
import type { LoginResult } from '../api/types.ts';
import { Alert, errorKey, TextField } from '../components/ui.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

export function SignIn() {
  const { t } = useI18n();
  const { signedIn, endReason } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('common.fixFields');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await makeApi(null, () => undefined).post<LoginResult>('/api/v1/auth/login', { username: username.trim(), password });
      setPassword('');
      signedIn(r);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'signIn.bad' : err instanceof ApiError && err.status === 429 ? 'signIn.rateLimited' : errorKey(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen signin">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      {endReason === 'expired' && <Alert kind="warning">{t('signIn.expired')}</Alert>}
      {endReason === 'signedOut' && <Alert kind="info">{t('signIn.signedOut')}</Alert>}
      <p className="muted">{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate className="card">
        <TextField label={t('signIn.username')} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} error={error && !username.trim() ? t('valid.required') : null} />
        <TextField label={t('signIn.password')} name="password" type="password" autoComplete="current-password" dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)} error={error && !password ? t('valid.required') : null} />
        {error && <Alert kind="error">{t(error)}</Alert>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
