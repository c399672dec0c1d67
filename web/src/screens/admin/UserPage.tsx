// One account, for an administrator: its facts, and what may be done to it. Its role and
// governorates (within the administrator's own); disable (ends its sessions and revokes its API
// tokens at once) or enable; for a person, reset the second factor (lost phone) and set a new
// temporary password (forgotten password). Never one's own account: that is My account.
import { type FormEvent, useState } from 'react';
import type { AccessInputT, DisableViewT, SecondFactorResetViewT, TemporaryPasswordViewT, UserViewT } from '../../api/types.ts';
import { PASSWORD_MIN } from '../../../../src/shared/firstRun.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { AdminTabs, ConfirmButton, GovernoratePicker, RoleSelect, UserChips } from './parts.tsx';

type Done = { key: MessageKey; vars?: Record<string, number> } | null;

export function UserPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const { data, error, loading, reload } = useLoad(() => api.get<UserViewT>(`/api/v1/users/${id}`), [api, id]);
  const [done, setDone] = useState<Done>(null);
  const [u, setU] = useState<UserViewT | null>(null);
  const shown = u?.id === id ? u : data;
  const changed = (next: UserViewT, message: Done) => {
    setU(next);
    setDone(message);
  };
  if (loading && !shown) return <Loading />;
  if (error !== null || !shown)
    return (
      <Screen title={t('admin.user.title')}>
        <ErrorState error={error} onRetry={reload} />
      </Screen>
    );
  const self = shown.id === user?.me?.userId;
  return (
    <Screen title={t('admin.user.title')}>
      <AdminTabs />
      <Facts u={shown} />
      {done && <Alert kind="success">{t(done.key, done.vars)}</Alert>}
      {self ? (
        <Alert kind="info">
          {t('admin.user.self')} <Link to={{ name: 'account' }}>{t('account.nav')}</Link>
        </Alert>
      ) : (
        <>
          <AccessForm u={shown} onDone={changed} />
          <DisableSection u={shown} onDone={changed} />
          {shown.kind === 'person' ? (
            <>
              <ResetSecondFactor u={shown} onDone={(m) => changed({ ...shown, secondFactor: false }, m)} />
              <TemporaryPassword u={shown} onDone={(m) => changed({ ...shown, passwordTemporary: true }, m)} />
            </>
          ) : (
            <p>
              <Link to={{ name: 'tokens' }}>{t('admin.user.tokensLink')}</Link>
            </p>
          )}
        </>
      )}
    </Screen>
  );
}

function Facts({ u }: { u: UserViewT }) {
  const { t } = useI18n();
  const gov = useGovernorateName();
  return (
    <section className="card" aria-labelledby="user-facts">
      <h2 id="user-facts">
        <bdi dir="ltr">{u.username}</bdi>
      </h2>
      <UserChips u={u} />
      <dl className="facts user-facts">
        <div>
          <dt>{t('admin.user.kind')}</dt>
          <dd>{t(`admin.kind.${u.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('admin.user.role')}</dt>
          <dd data-role={u.role}>{t(`role.${u.role}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('admin.user.governorates')}</dt>
          <dd>{u.governorates.map(gov).join('، ')}</dd>
        </div>
        <div>
          <dt>{t('admin.user.status')}</dt>
          <dd data-status={u.disabled ? 'disabled' : 'active'}>{t(u.disabled ? 'admin.status.disabled' : 'admin.status.active')}</dd>
        </div>
        {u.kind === 'person' && (
          <div>
            <dt>{t('account.secondFactor')}</dt>
            <dd>{t(u.secondFactor ? 'account.secondFactor.on' : 'account.secondFactor.off')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function AccessForm({ u, onDone }: { u: UserViewT; onDone: (u: UserViewT, m: Done) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [role, setRole] = useState<string>(u.role);
  const [govs, setGovs] = useState<string[]>(u.governorates);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (govs.length === 0) {
      setError('admin.user.governoratesRequired');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: AccessInputT = { role: role as AccessInputT['role'], governorates: govs };
      onDone(await api.put<UserViewT>(`/api/v1/users/${u.id}/access`, body), { key: 'admin.user.accessDone' });
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card access-form" onSubmit={submit} noValidate aria-labelledby="access-title">
      <h2 id="access-title">{t('admin.user.access')}</h2>
      <RoleSelect value={role} onChange={setRole} />
      <GovernoratePicker value={govs} onChange={setGovs} error={error === 'admin.user.governoratesRequired' ? t(error) : null} />
      {error && error !== 'admin.user.governoratesRequired' && <Alert kind="error">{t(error)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t('admin.user.accessSave')}
      </button>
    </form>
  );
}

/** One action on the account with its request's state: busy, and the error in the reader's language. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

function DisableSection({ u, onDone }: { u: UserViewT; onDone: (u: UserViewT, m: Done) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { busy, error, run } = useAction();
  const act = (verb: 'disable' | 'enable') =>
    run(async () => {
      const r = await api.post<DisableViewT>(`/api/v1/users/${u.id}/${verb}`, {});
      onDone(
        r.user,
        verb === 'disable'
          ? { key: 'admin.user.disabledDone', vars: { sessions: r.sessionsEnded, tokens: r.tokensRevoked } }
          : { key: 'admin.user.enabledDone' },
      );
    });
  const name = <bdi dir="ltr">{u.username}</bdi>;
  return (
    <section className="card" aria-labelledby="disable-title">
      <h2 id="disable-title">{t(u.disabled ? 'admin.user.enable' : 'admin.user.disable')}</h2>
      <p>{t(u.disabled ? 'admin.user.enableIntro' : 'admin.user.disableIntro')}</p>
      {u.disabled ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('enable')}>
          {t('admin.user.enable')}
        </button>
      ) : (
        <ConfirmButton
          label={t('admin.user.disable')}
          question={
            <>
              {t('admin.user.disableQuestion')} {name}
            </>
          }
          confirmLabel={t('admin.user.disableConfirm')}
          busy={busy}
          danger
          onConfirm={() => void act('disable')}
        />
      )}
      {error && <Alert kind="error">{t(error)}</Alert>}
    </section>
  );
}

function ResetSecondFactor({ u, onDone }: { u: UserViewT; onDone: (m: Done) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { busy, error, run } = useAction();
  return (
    <section className="card" aria-labelledby="reset-title">
      <h2 id="reset-title">{t('admin.user.reset')}</h2>
      <p>{t('admin.user.resetIntro')}</p>
      <ConfirmButton
        label={t('admin.user.reset')}
        question={t('admin.user.resetQuestion')}
        confirmLabel={t('admin.user.resetConfirm')}
        busy={busy}
        danger
        onConfirm={() =>
          void run(async () => {
            const r = await api.post<SecondFactorResetViewT>(`/api/v1/users/${u.id}/second-factor/reset`, {});
            onDone({ key: 'admin.user.resetDone', vars: { sessions: r.sessionsEnded } });
          })
        }
      />
      {error && <Alert kind="error">{t(error)}</Alert>}
    </section>
  );
}

function TemporaryPassword({ u, onDone }: { u: UserViewT; onDone: (m: Done) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [password, setPassword] = useState('');
  const [short, setShort] = useState(false);
  const { busy, error, run } = useAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setShort(password.length < PASSWORD_MIN);
    if (password.length < PASSWORD_MIN) return;
    await run(async () => {
      const r = await api.post<TemporaryPasswordViewT>(`/api/v1/users/${u.id}/temporary-password`, { password });
      setPassword('');
      onDone({ key: 'admin.user.temporaryDone', vars: { sessions: r.sessionsEnded } });
    });
  }
  return (
    <form className="card temporary-password" onSubmit={submit} noValidate aria-labelledby="temporary-title">
      <h2 id="temporary-title">{t('admin.user.temporaryTitle')}</h2>
      <p>{t('admin.user.temporaryIntro')}</p>
      <TextField
        label={t('admin.user.temporaryPassword')}
        hint={t('admin.user.temporaryPasswordHint', { min: PASSWORD_MIN })}
        name="newTemporaryPassword"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={short ? t('admin.user.passwordShort', { min: PASSWORD_MIN }) : null}
      />
      {error && <Alert kind="error">{t(error)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t('admin.user.temporarySubmit')}
      </button>
    </form>
  );
}
