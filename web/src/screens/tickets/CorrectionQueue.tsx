// Corrections to approve: the data corrections waiting in the reader's governorates that someone else
// proposed, side by side (value when proposed, value proposed), each approved (applied to the record
// once) or rejected with a reason. For those who may edit persons. The read is logged by the server.
import { useState } from 'react';
import type { CorrectionListT, CorrectionViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, PersonName, Screen, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { CorrectionCard } from './correctionParts.tsx';

export function CorrectionQueue() {
  const { t } = useI18n();
  const { api } = useSession();
  const queue = useLoad(() => api.get<CorrectionListT>('/api/v1/corrections'), [api]);
  const [done, setDone] = useState<CorrectionViewT | null>(null);
  return (
    <Screen title={t('corr.queue')}>
      {done && (
        <Alert kind="success">
          <p>{t(done.status === 'approved' ? 'corr.done.approved' : 'corr.done.rejected')}</p>
          <Link to={{ name: 'person', id: done.person.id }}>
            <PersonName fullName={done.person.fullName} />
          </Link>
        </Alert>
      )}
      {queue.error ? (
        <ErrorState error={queue.error} onRetry={queue.reload} />
      ) : !queue.data ? (
        <Loading />
      ) : queue.data.items.length === 0 ? (
        <p className="muted">{t('corr.queueNone')}</p>
      ) : (
        queue.data.items.map((c) => (
          <section key={c.id} className="card">
            <h2 className="person-name">
              <Link to={{ name: 'person', id: c.person.id }}>
                <PersonName fullName={c.person.fullName} />
              </Link>
            </h2>
            <CorrectionCard c={c}>
              <Decide
                c={c}
                onDone={(d) => {
                  setDone(d);
                  queue.reload();
                }}
              />
            </CorrectionCard>
          </section>
        ))
      )}
    </Screen>
  );
}

function Decide({ c, onDone }: { c: CorrectionViewT; onDone: (d: CorrectionViewT) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, post } = useAction();
  async function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !reason.trim()) {
      setMissing(true);
      return;
    }
    const body = reason.trim() ? { decision, reason: reason.trim() } : { decision };
    const d = await post<CorrectionViewT>(`/api/v1/corrections/${c.id}/decision`, body);
    if (d) onDone(d);
  }
  return (
    <div className="hh-form">
      <TextField
        label={t('corr.decisionReasonLabel')}
        hint={t('corr.decisionReasonHint')}
        name={`decisionReason-${c.id}`}
        dir="auto"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing && !reason.trim() ? t('valid.required') : null}
      />
      <ActionError error={error} />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy || c.stale} onClick={() => void decide('approve')}>
          {t('corr.approve')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void decide('reject')}>
          {t('corr.reject')}
        </button>
      </div>
    </div>
  );
}
