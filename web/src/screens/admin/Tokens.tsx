// Administration > API tokens: tokens for machine accounts only, each ending after the days chosen
// (at most 365). A new token is shown once, with a copy button; the list (newest first) shows
// which machine, made, ends and whether it still works, never the token; revoking one stops it at
// the next request.
import { type FormEvent, useRef, useState } from 'react';
import { TOKEN_MAX_DAYS } from '../../../../src/shared/tokens.ts';
import type { TokenListT, TokenRecordT, TokenViewT, UserListT } from '../../api/types.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { AdminTabs, ConfirmButton, countText } from './parts.tsx';

export function Tokens() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<TokenListT>('/api/v1/tokens'), [api]);
  const [shown, setShown] = useState<TokenViewT | null>(null);
  return (
    <Screen title={t('admin.tokens.title')}>
      <AdminTabs />
      <p className="muted">{t('admin.tokens.intro', { max: TOKEN_MAX_DAYS })}</p>
      {shown ? (
        <ShownOnce token={shown} onDone={() => setShown(null)} />
      ) : (
        <CreateToken
          onCreated={(tok) => {
            setShown(tok);
            list.reload();
          }}
        />
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error !== null || !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <section className="results" aria-labelledby="tokens-results">
          <h2 id="tokens-results">{countText(t, lang, 'admin.tokens.shown', list.data.items.length)}</h2>
          <ul className="list token-list">
            {list.data.items.map((k) => (
              <li key={k.id}>
                <TokenLine k={k} onRevoked={list.reload} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}

function CreateToken({ onCreated }: { onCreated: (t: TokenViewT) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const machines = useLoad(() => api.get<UserListT>('/api/v1/users?kind=machine&status=active&limit=100'), [api]);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [bad, setBad] = useState<Set<string>>(new Set());
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const n = Number(days);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = new Set<string>();
    if (!userId) local.add('userId');
    if (!name.trim()) local.add('name');
    if (!Number.isInteger(n) || n < 1 || n > TOKEN_MAX_DAYS) local.add('days');
    setBad(local);
    setError(local.size ? 'common.fixFields' : null);
    if (local.size) return;
    setBusy(true);
    try {
      onCreated(await api.post<TokenViewT>('/api/v1/tokens', { userId, name: name.trim(), days: n }));
      setName('');
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  const items = machines.data?.items ?? [];
  return (
    <form className="card create-token" onSubmit={submit} noValidate aria-labelledby="create-token">
      <h2 id="create-token">{t('admin.tokens.new')}</h2>
      {machines.data && items.length === 0 && <Alert kind="info">{t('admin.tokens.noMachines')}</Alert>}
      <SelectField
        label={t('admin.tokens.machine')}
        name="userId"
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={bad.has('userId') ? t('valid.required') : null}
      >
        <option value="">{t('admin.pick')}</option>
        {items.map((m) => (
          <option key={m.id} value={m.id}>
            {m.username}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('admin.tokens.name')}
        hint={t('admin.tokens.nameHint')}
        name="tokenName"
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
        error={bad.has('name') ? t('valid.required') : null}
      />
      <TextField
        label={t('admin.tokens.days')}
        hint={t('admin.tokens.daysHint', { max: TOKEN_MAX_DAYS })}
        name="days"
        inputMode="numeric"
        dir="ltr"
        value={days}
        onChange={(e) => setDays(e.target.value.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/\D/g, ''))}
        error={bad.has('days') ? t('admin.tokens.daysBad', { max: TOKEN_MAX_DAYS }) : null}
      />
      {error && <Alert kind="error">{t(error)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t('admin.tokens.create')}
      </button>
    </form>
  );
}

/** The new token, shown this once: a copy button (or select and copy by hand where the browser refuses). */
function ShownOnce({ token, onDone }: { token: TokenViewT; onDone: () => void }) {
  const { t, dateTime, sep } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  }
  return (
    <section className="card token-shown" aria-labelledby="token-shown">
      <h2 id="token-shown" tabIndex={-1}>
        {t('admin.tokens.shownTitle')}
      </h2>
      <Alert kind="warning">{t('admin.tokens.shownOnce')}</Alert>
      <p>
        <bdi>{token.record.name}</bdi>
        {sep}
        <bdi dir="ltr">{token.record.username}</bdi>
        {sep}
        {t('admin.tokens.ends')} <time dateTime={token.record.expiresAt}>{dateTime(token.record.expiresAt)}</time>
      </p>
      <label className="visually-hidden" htmlFor="new-token">
        {t('admin.tokens.shownTitle')}
      </label>
      <input
        id="new-token"
        ref={input}
        className="mono token-value"
        dir="ltr"
        readOnly
        value={token.token}
        onFocus={(e) => e.target.select()}
      />
      <p className="row">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          {t('admin.tokens.copy')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {t('admin.tokens.done')}
        </button>
      </p>
      {copied && (
        <p role="status" className="muted">
          {t(copied === 'yes' ? 'admin.tokens.copied' : 'admin.tokens.copyByHand')}
        </p>
      )}
    </section>
  );
}

function TokenLine({ k, onRevoked }: { k: TokenRecordT; onRevoked: () => void }) {
  const { t, dateTime, sep } = useI18n();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const state = k.revokedAt ? 'revoked' : Date.parse(k.expiresAt) <= Date.now() ? 'expired' : 'active';
  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await api.post<TokenRecordT>(`/api/v1/tokens/${k.id}/revoke`, {});
      onRevoked();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="list-item token-line" data-token-state={state}>
      <span className="list-title">
        <bdi>{k.name}</bdi>{' '}
        <span className={state === 'active' ? 'chip chip-ok' : 'chip chip-bad'}>{t(`admin.tokens.state.${state}`)}</span>
      </span>
      <span className="list-meta">
        <bdi dir="ltr">{k.username}</bdi>
        {sep}
        {t('admin.tokens.made')} <time dateTime={k.createdAt}>{dateTime(k.createdAt)}</time>
        {sep}
        {t(state === 'revoked' ? 'admin.tokens.revokedAt' : 'admin.tokens.ends')}{' '}
        <time dateTime={k.revokedAt ?? k.expiresAt}>{dateTime(k.revokedAt ?? k.expiresAt)}</time>
      </span>
      {state === 'active' && (
        <ConfirmButton
          label={t('admin.tokens.revoke')}
          question={t('admin.tokens.revokeQuestion')}
          confirmLabel={t('admin.tokens.revokeConfirm')}
          busy={busy}
          danger
          onConfirm={() => void revoke()}
        />
      )}
      {error && <Alert kind="error">{t(error)}</Alert>}
    </div>
  );
}
