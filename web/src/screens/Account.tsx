// My account: who is signed in (username, role, organisation), whether the second factor is set up
// and how many recovery codes are left; new recovery codes with a current code of the
// authenticator app (POST /api/v1/auth/recovery-codes), shown once with the same "I have saved
// them" confirmation as at the first sign-in; a new password (POST /api/v1/auth/password) with the
// current one and a current code. The code field and the codes list come from SignIn.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Me, PasswordChangeInputT, PasswordChangeViewT, RecoveryCodesViewT } from '../api/types.ts';
import { newPasswordProblem, PasswordPair } from '../components/PasswordFields.tsx';
import { Alert, Loading, Screen } from '../components/ui.tsx';
import { PASSWORD_MIN } from '../../../src/shared/firstRun.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { CodeField, SavedCodesForm, useCodeForm } from './SignIn.tsx';

/** As many as the server hands out (RECOVERY_CODE_COUNT in src/access/totp.ts). */
export const RECOVERY_CODES = 10;
/** At or below this many unused recovery codes the app warns (the banner and this screen). */
export const LOW_RECOVERY_CODES = 2;

export const recoveryCodesLow = (me: Me | null | undefined): boolean =>
  !!me && me.secondFactor && me.recoveryCodesLeft <= LOW_RECOVERY_CODES;

/** The warning when recovery codes run low, in the current language. */
export function lowCodesText(t: (k: MessageKey, v?: Record<string, string | number>) => string, left: number): string {
  return left === 0 ? t('account.noCodes') : t('account.lowCodes', { count: left });
}

export function Account() {
  const { t } = useI18n();
  const { user } = useSession();
  const me = user?.me;
  if (!me)
    return (
      <Screen title={t('account.title')} narrow>
        <Loading />
      </Screen>
    );
  return (
    <Screen title={t('account.title')} narrow>
      <section className="card" aria-labelledby="account-details">
        <h2 id="account-details">{t('account.details')}</h2>
        <dl className="facts account-facts">
          <div>
            <dt>{t('account.username')}</dt>
            <dd>
              <bdi dir="ltr">{me.username ?? '—'}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd>{t(`role.${me.role}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('account.organisation')}</dt>
            <dd>
              <bdi>{me.organisation ?? '—'}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('account.secondFactor')}</dt>
            <dd data-second-factor={me.secondFactor}>{me.secondFactor ? t('account.secondFactor.on') : t('account.secondFactor.off')}</dd>
          </div>
          <div>
            <dt>{t('account.codesLeft')}</dt>
            <dd data-recovery-codes-left={me.recoveryCodesLeft}>
              {t('account.codesLeft.value', { count: me.recoveryCodesLeft, total: RECOVERY_CODES })}
            </dd>
          </div>
        </dl>
      </section>
      {recoveryCodesLow(me) && <Alert kind="warning">{lowCodesText(t, me.recoveryCodesLeft)}</Alert>}
      {me.secondFactor ? <RenewCodes /> : <Alert kind="info">{t('account.renew.noSecondFactor')}</Alert>}
      {me.secondFactor && <ChangePassword />}
    </Screen>
  );
}

type Stage = { kind: 'form'; done: boolean } | { kind: 'codes'; codes: string[] };

function RenewCodes() {
  const { t } = useI18n();
  const { api, refreshMe } = useSession();
  const [stage, setStage] = useState<Stage>({ kind: 'form', done: false });
  const { code, setCode, busy, error, setError, send } = useCodeForm({
    bad_code: 'account.renew.wrongCode',
    no_second_factor: 'account.renew.noSecondFactor',
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Keyboard and screen reader users land on the section's heading when the codes appear and when they are confirmed.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [stage]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (code.length !== 6) {
      setError('twoFactor.codeShape');
      return;
    }
    await send(
      async () => {
        const r = await api.post<RecoveryCodesViewT>('/api/v1/auth/recovery-codes', { code });
        setCode('');
        setStage({ kind: 'codes', codes: r.recoveryCodes });
        void refreshMe();
      },
      (key) => {
        if (key === 'twoFactor.locked') void refreshMe();
        return false;
      },
    );
  }

  return (
    <section className="card renew-codes" aria-labelledby="renew-codes">
      <h2 id="renew-codes" tabIndex={-1} ref={heading}>
        {t('account.renew.title')}
      </h2>
      {stage.kind === 'codes' ? (
        <>
          <Alert kind="warning">{t('account.renew.shown')}</Alert>
          <SavedCodesForm codes={stage.codes} onDone={() => setStage({ kind: 'form', done: true })} className="saved-codes" />
        </>
      ) : (
        <>
          {stage.done && <Alert kind="success">{t('account.renew.done')}</Alert>}
          <p>{t('account.renew.intro')}</p>
          <form onSubmit={submit} noValidate className="renew-form">
            <CodeField
              value={code}
              onChange={(v) => {
                setCode(v);
                setError(null);
              }}
              error={error && t(error)}
              autoFocus={false}
            />
            <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
              {busy ? t('account.renew.busy') : t('account.renew.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** A new password: the current one, the new one and a current code of the authenticator app. */
function ChangePassword() {
  const { t } = useI18n();
  const { api, refreshMe } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { code, setCode, busy, error, setError, send } = useCodeForm({
    bad_code: 'account.renew.wrongCode',
    wrong_password: 'problem.wrong_password',
    validation: 'common.fixFields',
  });
  const nextError = newPasswordProblem(current, next);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (!current || !next || nextError) {
      setError(nextError ?? 'common.fixFields');
      return;
    }
    if (code.length !== 6) {
      setError('twoFactor.codeShape');
      return;
    }
    await send(
      async () => {
        const body: PasswordChangeInputT = { currentPassword: current, newPassword: next, code };
        await api.post<PasswordChangeViewT>('/api/v1/auth/password', body);
        setCurrent('');
        setNext('');
        setCode('');
        setDone(true);
      },
      (key) => {
        if (key === 'twoFactor.locked') void refreshMe();
        return false;
      },
    );
  }

  const codeProblem = error === 'account.renew.wrongCode' || error === 'twoFactor.codeShape';
  return (
    <section className="card change-password" aria-labelledby="change-password">
      <h2 id="change-password">{t('password.title')}</h2>
      {done && <Alert kind="success">{t('password.done')}</Alert>}
      <p>{t('password.intro')}</p>
      <form onSubmit={submit} noValidate className="password-form">
        <PasswordPair
          current={current}
          next={next}
          onCurrent={(v) => {
            setCurrent(v);
            setError(null);
          }}
          onNext={(v) => {
            setNext(v);
            setError(null);
          }}
          currentLabel="password.current"
          currentError={error === 'problem.wrong_password' ? t(error) : error && !current ? t('valid.required') : null}
          nextError={error && nextError ? t(nextError, { min: PASSWORD_MIN }) : error && !next ? t('valid.required') : null}
        />
        <CodeField
          name="passwordCode"
          value={code}
          onChange={(v) => {
            setCode(v);
            setError(null);
          }}
          error={codeProblem && error ? t(error) : null}
          autoFocus={false}
        />
        {error && !codeProblem && error !== 'problem.wrong_password' && !nextError && current && next && (
          <Alert kind="error">{t(error)}</Alert>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('password.busy') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
