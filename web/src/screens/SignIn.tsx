// Sign-in: the password, then the second factor. With an authenticator app set up: the 6-digit
// code (or a recovery code). On the first sign-in: set up the app (QR code and the key in groups of
// four, shown once), confirm with a code, then the recovery codes, shown once, with an "I have
// saved them" confirmation before the session starts. CodeField, codeError and SavedCodesForm are
// shared with the Account screen (new recovery codes while signed in).
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { makeApi } from '../api/client.ts';
import type { EnrolSessionT, LoginResult, LoginStepT } from '../api/types.ts';
import { Alert, errorKey, Loading, type ProblemWords, TextField } from '../components/ui.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { FirstRun, useNoUsers } from './FirstRun.tsx';

const QrCode = lazy(() => import('../qr/QrCode.tsx'));

type Stage =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enrol'; challenge: string; secret: string; otpauthUri: string }
  | { kind: 'recovery'; session: LoginResult; codes: string[] };

const publicApi = () => makeApi(null, () => undefined);

/** Digits only, Arabic-Indic and Persian digits read as Latin ones (phones with an Arabic keyboard). */
export function codeDigits(v: string): string {
  return v
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/\D/g, '')
    .slice(0, 6);
}

/** The sign-in screen's words for a failed code: wrong, paused, expired, too many requests, wrong shape. */
const CODE_WORDS: ProblemWords = {
  second_factor_locked: 'twoFactor.locked',
  bad_code: 'twoFactor.badCode',
  challenge_expired: 'twoFactor.expired',
  rate_limited: 'signIn.rateLimited',
  validation: 'twoFactor.codeShape',
};

/** The message for a failed code (a screen may put its own words for some problems over these). */
export function codeError(err: unknown, words: ProblemWords = {}): MessageKey {
  return errorKey(err, { ...CODE_WORDS, ...words });
}

/**
 * A form that sends a 6-digit code (sign-in, set-up, new recovery codes): one request at a time,
 * and the message for a refused code, with the code cleared. `refused` sees the message first and
 * returns true when it took over (e.g. to start over).
 */
export function useCodeForm(words: ProblemWords = {}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  async function send(request: () => Promise<void>, refused?: (key: MessageKey) => boolean) {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (err) {
      const key = codeError(err, words);
      if (refused?.(key)) return;
      setError(key);
      setCode('');
    } finally {
      setBusy(false);
    }
  }
  return { code, setCode, busy, error, setError, send };
}

/** A code step that timed out or is paused starts over at the password. */
const restartWhenStale = (onRestart: (why: MessageKey | null) => void) => (key: MessageKey) => {
  if (key !== 'twoFactor.expired' && key !== 'twoFactor.locked') return false;
  onRestart(key);
  return true;
};

export function SignIn() {
  const { signedIn } = useSession();
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const restart = (why: MessageKey | null) => {
    setNotice(why);
    setStage({ kind: 'password' });
  };
  switch (stage.kind) {
    case 'password':
      return (
        <PasswordStep
          notice={notice}
          onStep={(s) => {
            setNotice(null);
            setStage(
              s.status === 'enrolment_required'
                ? { kind: 'enrol', challenge: s.challenge, secret: s.secret, otpauthUri: s.otpauthUri }
                : { kind: 'code', challenge: s.challenge },
            );
          }}
        />
      );
    case 'code':
      return <CodeStep challenge={stage.challenge} onDone={signedIn} onRestart={restart} />;
    case 'enrol':
      return (
        <EnrolStep
          stage={stage}
          onDone={(r) =>
            setStage({ kind: 'recovery', session: { token: r.token, expiresAt: r.expiresAt, role: r.role }, codes: r.recoveryCodes })
          }
          onRestart={restart}
        />
      );
    case 'recovery':
      return <RecoveryCodes codes={stage.codes} onDone={() => signedIn(stage.session)} />;
  }
}

function PasswordStep({ notice, onStep }: { notice: MessageKey | null; onStep: (s: LoginStepT) => void }) {
  const { t } = useI18n();
  const { endReason } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  // Asked only when one username and password open accounts of two organisations (rare: the same person in both).
  const [organisation, setOrganisation] = useState<string | null>(null);
  const noUsers = useNoUsers();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('common.fixFields');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const org = organisation?.trim() ? { organisation: organisation.trim() } : {};
      const r = await publicApi().post<LoginStepT>('/api/v1/auth/login', { username: username.trim(), password, ...org });
      setPassword('');
      onStep(r);
    } catch (err) {
      const key = errorKey(err, {
        second_factor_locked: 'twoFactor.locked',
        bad_credentials: 'signIn.bad',
        rate_limited: 'signIn.rateLimited',
      });
      if (key === 'problem.organisation_required') setOrganisation((o) => o ?? '');
      setError(key);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen signin">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      {notice && <Alert kind="warning">{t(notice)}</Alert>}
      {!notice && endReason === 'expired' && <Alert kind="warning">{t('signIn.expired')}</Alert>}
      {!notice && endReason === 'signedOut' && <Alert kind="info">{t('signIn.signedOut')}</Alert>}
      <p className="muted">{t('signIn.intro')}</p>
      {noUsers && <FirstRun />}
      <form onSubmit={submit} noValidate className="card">
        <TextField
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={error && !username.trim() ? t('valid.required') : null}
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          dir="ltr"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error && !password ? t('valid.required') : null}
        />
        {organisation !== null && (
          <TextField
            label={t('account.organisation')}
            name="organisation"
            autoComplete="organization"
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          />
        )}
        {error && <Alert kind="error">{t(error)}</Alert>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}

/** The 6-digit code field: numeric keypad, filled by the phone's one-time-code suggestion. */
export function CodeField({
  value,
  onChange,
  error,
  autoFocus = true,
  name = 'code',
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  autoFocus?: boolean;
  /** the field's name when a screen has two code forms (My account) */
  name?: string;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('twoFactor.code')}
      name={name}
      className="code-input mono"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      dir="ltr"
      spellCheck={false}
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(codeDigits(e.target.value))}
      error={error}
    />
  );
}

function CodeStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: (r: LoginResult) => void;
  onRestart: (why: MessageKey | null) => void;
}) {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const { code, setCode, busy, error, setError, send } = useCodeForm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (recovery ? recoveryCode.replace(/[\s-]/g, '').length < 16 : code.length !== 6) {
      setError(recovery ? 'common.fixFields' : 'twoFactor.codeShape');
      return;
    }
    await send(async () => {
      const r = await publicApi().post<LoginResult>(
        '/api/v1/auth/second-factor',
        recovery ? { challenge, recoveryCode: recoveryCode.trim() } : { challenge, code },
      );
      onDone(r);
    }, restartWhenStale(onRestart));
  }

  return (
    <section className="screen signin">
      <h1 tabIndex={-1}>{t('twoFactor.codeTitle')}</h1>
      <p className="muted">{recovery ? t('twoFactor.recoveryHint') : t('twoFactor.codeIntro')}</p>
      <form onSubmit={submit} noValidate className="card">
        {recovery ? (
          <TextField
            label={t('twoFactor.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            dir="ltr"
            className="mono"
            autoFocus
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.target.value)}
            error={error && t(error)}
          />
        ) : (
          <CodeField value={code} onChange={setCode} error={error && t(error)} />
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('twoFactor.busy') : t('twoFactor.submit')}
        </button>
      </form>
      <p className="row">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setRecovery(!recovery);
            setError(null);
          }}
        >
          {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onRestart(null)}>
          {t('twoFactor.startOver')}
        </button>
      </p>
    </section>
  );
}

const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function EnrolStep({
  stage,
  onDone,
  onRestart,
}: {
  stage: { challenge: string; secret: string; otpauthUri: string };
  onDone: (r: EnrolSessionT) => void;
  onRestart: (why: MessageKey | null) => void;
}) {
  const { t } = useI18n();
  const { code, setCode, busy, error, setError, send } = useCodeForm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (code.length !== 6) {
      setError('twoFactor.codeShape');
      return;
    }
    await send(
      async () => onDone(await publicApi().post<EnrolSessionT>('/api/v1/auth/second-factor/enrol', { challenge: stage.challenge, code })),
      restartWhenStale(onRestart),
    );
  }

  return (
    <section className="screen signin">
      <h1 tabIndex={-1}>{t('twoFactor.enrolTitle')}</h1>
      <p>{t('twoFactor.enrolIntro')}</p>
      <ol className="enrol-steps">
        <li>{t('twoFactor.enrolStep1')}</li>
        <li>{t('twoFactor.enrolStep2')}</li>
        <li>{t('twoFactor.enrolStep3')}</li>
      </ol>
      <div className="card enrol-key">
        <Suspense fallback={<Loading />}>
          <QrCode text={stage.otpauthUri} label={t('twoFactor.qrLabel')} />
        </Suspense>
        <p className="secret-label">{t('twoFactor.secretLabel')}</p>
        <p className="totp-secret mono" dir="ltr" data-totp-secret={stage.secret}>
          {grouped(stage.secret)}
        </p>
        <p className="hint">{t('twoFactor.secretHint')}</p>
      </div>
      <form onSubmit={submit} noValidate className="card">
        <CodeField value={code} onChange={setCode} error={error && t(error)} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('twoFactor.busy') : t('twoFactor.enrolSubmit')}
        </button>
      </form>
      <p className="row">
        <button type="button" className="btn btn-secondary" onClick={() => onRestart(null)}>
          {t('twoFactor.startOver')}
        </button>
      </p>
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="screen signin">
      <h1 tabIndex={-1} ref={heading}>
        {t('twoFactor.recoveryTitle')}
      </h1>
      <Alert kind="warning">{t('twoFactor.recoveryIntro')}</Alert>
      <SavedCodesForm codes={codes} onDone={onDone} />
    </section>
  );
}

/** The recovery codes, shown once, and "I have saved them" before going on. */
export function SavedCodesForm({ codes, onDone, className = 'card' }: { codes: string[]; onDone: () => void; className?: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState(false);
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (saved) onDone();
        else setError(true);
      }}
    >
      <ol className="recovery-codes mono" dir="ltr">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <label className="check">
        <input
          type="checkbox"
          name="savedRecoveryCodes"
          checked={saved}
          onChange={(e) => {
            setSaved(e.target.checked);
            setError(false);
          }}
          aria-invalid={error || undefined}
        />
        {t('twoFactor.saved')}
      </label>
      {error && <Alert kind="error">{t('twoFactor.savedRequired')}</Alert>}
      <button type="submit" className="btn btn-primary btn-block">
        {t('twoFactor.continue')}
      </button>
    </form>
  );
}
