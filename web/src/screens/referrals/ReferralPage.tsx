// One referral: what the consent shares, its status, and for the receiving side the answer (accept,
// or decline with a reason) and the report back (outcome and day). Opening it is logged by the server.
import { useState } from 'react';
import type { ReferralViewT } from '../../api/referralTypes.ts';
import { ErrorState, Loading, Screen, TextAreaField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { today, useAction } from '../household/useAction.ts';
import { ReferralSummary, SharedContent } from './parts.tsx';

type Props = { r: ReferralViewT; onDone: () => void };

function AnswerForm({ r, onDone }: Props) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  async function answer(decision: 'accept' | 'decline') {
    if (decision === 'decline') {
      setTried(true);
      if (!reason.trim()) return;
    }
    const body = decision === 'accept' ? { decision } : { decision, reason: reason.trim() };
    if (await post(`/api/v1/referrals/${r.id}/answer`, body)) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="ref-answer">
      <h2 id="ref-answer">{t('ref.answer')}</h2>
      <TextField
        label={t('ref.declineReason')}
        optional
        name="declineReason"
        dir="auto"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={tried && !reason.trim() ? t('ref.declineReasonRequired') : null}
      />
      <ActionError error={error} />
      <p className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void answer('accept')}>
          {t('ref.accept')}
        </button>{' '}
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void answer('decline')}>
          {t('ref.decline')}
        </button>
      </p>
    </section>
  );
}

function ReportForm({ r, onDone }: Props) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [outcome, setOutcome] = useState('');
  const [date, setDate] = useState(today());
  const [tried, setTried] = useState(false);
  async function report() {
    setTried(true);
    if (!outcome.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    if (await post(`/api/v1/referrals/${r.id}/report`, { outcome: outcome.trim(), date })) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="ref-report">
      <h2 id="ref-report">{t('ref.report')}</h2>
      <TextAreaField
        label={t('ref.outcome')}
        name="outcome"
        dir="auto"
        maxLength={4000}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={tried && !outcome.trim() ? t('ref.outcomeRequired') : null}
      />
      <TextField
        label={t('ref.outcomeDate')}
        type="date"
        name="outcomeDate"
        value={date}
        max={today()}
        onChange={(e) => setDate(e.target.value)}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void report()}>
        {t('ref.report')}
      </button>
    </section>
  );
}

function Result({ r }: { r: ReferralViewT }) {
  const { t, day } = useI18n();
  if (r.status === 'declined' && r.declineReason)
    return (
      <section className="card" data-testid="referral-result">
        <p>{t('ref.declinedBecause', { reason: `\u2068${r.declineReason}\u2069` })}</p>
      </section>
    );
  if (r.status !== 'completed' || !r.outcome) return null;
  return (
    <section className="card" aria-labelledby="ref-outcome" data-testid="referral-result">
      <h2 id="ref-outcome">{t('ref.outcomeOn', { day: r.outcomeDate ? day(r.outcomeDate) : '—' })}</h2>
      <p dir="auto">{r.outcome}</p>
    </section>
  );
}

export function ReferralPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const ref = useLoad(() => api.get<ReferralViewT>(`/api/v1/referrals/${id}`), [id, api]);
  const r = ref.data;
  return (
    <Screen title={t('ref.page.title')}>
      <p>
        <Link to={{ name: 'referrals' }}>{t('ref.list.title')}</Link>
      </p>
      {ref.error ? (
        <ErrorState error={ref.error} onRetry={ref.reload} />
      ) : !r ? (
        <Loading />
      ) : (
        <>
          <section className="card">
            <ReferralSummary r={r} />
            {r.caseId && (
              <p>
                <Link to={{ name: 'case', id: r.caseId }} className="btn btn-secondary">
                  {t('ref.openCase')}
                </Link>
              </p>
            )}
          </section>
          <SharedContent r={r} />
          <Result r={r} />
          {r.side === 'in' && r.status === 'sent' && <AnswerForm r={r} onDone={ref.reload} />}
          {r.side === 'in' && r.status === 'accepted' && <ReportForm r={r} onDone={ref.reload} />}
        </>
      )}
    </Screen>
  );
}
