// Conflicts to review: entitlements handed out more than once by offline devices, or held for review
// because of their time (before the card or the cycle's list, after a revocation or the closing).
// Each shows every hand-over of the entitlement side by side (point, who recorded it, device, the
// device's time and the server's, why held; never an identity number); the reviewer chooses which
// one stands and what the others are, with a required reason, and the list reloads.
import { type FormEvent, useState } from 'react';
import { can } from '../../access.ts';
import { Alert, ErrorState, errorKey, FieldErrorList, Loading, Screen, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { usePlural } from '../household/parts.tsx';
import { decisionCalls, type Others } from './decision.ts';
import { CyclePicker, type ReviewGroup, useCycle, useOperationKeys } from './parts.tsx';

type Show = 'open' | 'all';
type Redemption = ReviewGroup['redemptions'][number];

export function Conflicts() {
  const { t } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const { cycles, cycleId, setCycleId, error } = useCycle();
  const [show, setShow] = useState<Show>('open');
  const [done, setDone] = useState(false);
  const groups = useLoad(
    () =>
      cycleId ? api.get<{ groups: ReviewGroup[] }>(`/api/v1/aid/cycles/${cycleId}/reviews?state=${show}`) : Promise.resolve({ groups: [] }),
    [api, cycleId, show],
  );
  const open = groups.data?.groups.filter((g) => g.open).length ?? 0;
  return (
    <Screen title={t('after.conflicts.title')}>
      <p>{t('after.conflicts.intro')}</p>
      {error ? (
        <ErrorState error={error} />
      ) : !cycles ? (
        <Loading />
      ) : (
        <CyclePicker cycles={cycles} cycleId={cycleId} onChange={setCycleId} />
      )}
      <fieldset className="segmented">
        <legend>{t('after.conflicts.show')}</legend>
        {(['open', 'all'] as const).map((s) => (
          <label key={s} className={show === s ? 'selected' : ''}>
            <input type="radio" name="show" value={s} checked={show === s} onChange={() => setShow(s)} />
            {t(`after.conflicts.show.${s}`)}
          </label>
        ))}
      </fieldset>
      {done && <Alert kind="success">{t('after.conflicts.done')}</Alert>}
      {groups.error ? (
        <ErrorState error={groups.error} onRetry={groups.reload} />
      ) : !groups.data ? (
        <Loading />
      ) : (
        <>
          <p className="conflicts-count" aria-live="polite">
            {plural('after.conflicts.count', open)}
          </p>
          {groups.data.groups.map((g) => (
            <GroupCard
              key={g.entitlementId}
              group={g}
              onDecided={() => {
                setDone(true);
                groups.reload();
              }}
            />
          ))}
        </>
      )}
    </Screen>
  );
}

function GroupCard({ group, onDecided }: { group: ReviewGroup; onDecided: () => void }) {
  const { t, num } = useI18n();
  const { user } = useSession();
  return (
    <section className="card conflict-group" aria-labelledby={`g-${group.entitlementId}`}>
      <h2 id={`g-${group.entitlementId}`}>
        <bdi>{group.itemName}</bdi>
      </h2>
      <p className="muted">
        {t('after.conflicts.quantity', { quantity: num(group.quantity), unit: `\u2068${group.unit}\u2069` })}
        {can(user?.role, 'readHousehold') && (
          <>
            {' '}
            <Link to={{ name: 'household', id: group.householdId }}>{t('after.conflicts.household')}</Link>
          </>
        )}
      </p>
      <ol className="conflict-side">
        {group.redemptions.map((r, i) => (
          <RedemptionCard key={r.id} r={r} n={i + 1} />
        ))}
      </ol>
      {group.open && can(user?.role, 'decideConflicts') && <Decision group={group} onDecided={onDecided} />}
    </section>
  );
}

const stateKey = (r: Redemption): MessageKey =>
  r.status === 'standing' ? 'after.conflicts.state.standing' : `after.conflicts.state.${r.review ?? 'open'}`;

function RedemptionCard({ r, n }: { r: Redemption; n: number }) {
  const { t, dateTime } = useI18n();
  const unknown = (
    <span key="u" className="muted">
      {t('after.conflicts.unknown')}
    </span>
  );
  const rows: [MessageKey, React.ReactNode][] = [
    ['after.conflicts.why', r.status === 'standing' ? '—' : t(r.held ? `after.conflicts.held.${r.held}` : 'after.conflicts.held.none')],
    ['after.conflicts.point', r.pointName ? <bdi key="p">{r.pointName}</bdi> : unknown],
    [
      'after.conflicts.officer',
      r.officer ? (
        <bdi key="o" dir="ltr">
          {r.officer}
        </bdi>
      ) : (
        unknown
      ),
    ],
    [
      'after.conflicts.device',
      r.deviceId ? (
        <bdi key="v" dir="ltr">
          {r.deviceId}
        </bdi>
      ) : (
        unknown
      ),
    ],
    ['after.conflicts.deviceTime', <bdi key="d">{dateTime(r.redeemedAt)}</bdi>],
    ['after.conflicts.syncTime', <bdi key="s">{dateTime(r.receivedAt)}</bdi>],
    ['after.conflicts.presented', t(`after.conflicts.presented.${r.presented}`)],
  ];
  return (
    <li className={`conflict-redemption${r.status === 'standing' ? ' standing' : ''}`} data-redemption={r.id}>
      <h3>
        {t('after.conflicts.redemption', { n })}{' '}
        <span className={`badge ${r.status === 'standing' ? 'badge-success' : r.review === 'open' ? 'badge-warning' : ''}`}>
          {t(stateKey(r))}
        </span>
      </h3>
      <dl className="conflict-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {r.reviewedAt && (
        <p className="muted">
          {t('after.conflicts.reviewed', {
            reviewer: `\u2068${r.reviewer ?? t('after.conflicts.unknown')}\u2069`,
            date: `\u2068${dateTime(r.reviewedAt)}\u2069`,
          })}
          {r.reviewReason && (
            <>
              <br />
              {t('after.conflicts.reviewReason', { reason: `\u2068${r.reviewReason}\u2069` })}
            </>
          )}
        </p>
      )}
    </li>
  );
}

function Decision({ group, onDecided }: { group: ReviewGroup; onDecided: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const standing = group.redemptions.find((r) => r.status === 'standing');
  const [stands, setStands] = useState(standing?.id ?? '');
  const [others, setOthers] = useState<Others>('duplicate_confirmed');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ops = useOperationKeys();
  const name = `stands-${group.entitlementId}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!stands || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      // a retry after a lost answer repeats the same calls with the same ids: each is recorded once
      for (const c of decisionCalls(group.redemptions, stands, others)) {
        const body = { decision: c.decision, reason: reason.trim() };
        await api.post(`/api/v1/aid/redemptions/${c.id}/review`, body, { idempotencyKey: ops.keyFor(c.id, body) });
      }
      ops.succeeded();
      onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="conflict-decision" onSubmit={submit} noValidate>
      <h3>{t('after.conflicts.decide')}</h3>
      <fieldset className="segmented segmented-wrap">
        <legend>{t('after.conflicts.stands')}</legend>
        {group.redemptions.map((r, i) => (
          <label key={r.id} className={stands === r.id ? 'selected' : ''}>
            <input type="radio" name={name} value={r.id} checked={stands === r.id} onChange={() => setStands(r.id)} />
            {t('after.conflicts.standsThis', { n: i + 1 })}
          </label>
        ))}
        {!standing && (
          <label className={stands === 'none' ? 'selected' : ''}>
            <input type="radio" name={name} value="none" checked={stands === 'none'} onChange={() => setStands('none')} />
            {t('after.conflicts.standsNone')}
          </label>
        )}
        {tried && !stands && <p className="error-text">{t('valid.required')}</p>}
      </fieldset>
      <fieldset className="segmented segmented-wrap">
        <legend>{t('after.conflicts.others')}</legend>
        {(['duplicate_confirmed', 'accepted'] as const).map((o) => (
          <label key={o} className={others === o ? 'selected' : ''}>
            <input type="radio" name={`others-${group.entitlementId}`} value={o} checked={others === o} onChange={() => setOthers(o)} />
            {t(`after.conflicts.others.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('after.conflicts.reason')}
        hint={t('after.conflicts.reason.hint')}
        name="reason"
        dir="auto"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={tried && !reason.trim() ? t('valid.required') : null}
      />
      {error !== null && (
        <Alert kind="error">
          <p>{t(errorKey(error))}</p>
          <FieldErrorList error={error} />
        </Alert>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('after.conflicts.busy') : t('after.conflicts.submit')}
      </button>
    </form>
  );
}
