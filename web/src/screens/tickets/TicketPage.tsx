// One ticket: what was said, what happened to it, and the next step for the reader (a focal point
// assigns it; whoever has it starts, holds, resumes and proposes the answer; another focal point
// approves the answer, which closes it, or sends it back). The read is logged by the server.
import { useState } from 'react';
import type { TicketFileViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, Screen, TextAreaField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { Corrections } from './Corrections.tsx';
import { TicketLine } from './Tickets.tsx';

export function TicketPage({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const file = useLoad(() => api.get<TicketFileViewT>(`/api/v1/tickets/${id}`), [id, api]);
  if (file.error)
    return (
      <Screen title={t('tickets.ticket')}>
        <ErrorState error={file.error} onRetry={file.reload} />
      </Screen>
    );
  if (!file.data)
    return (
      <Screen title={t('tickets.ticket')}>
        <Loading />
      </Screen>
    );
  const tk = file.data;
  return (
    <Screen title={t('tickets.ticket')}>
      <p>
        <Link to={{ name: 'tickets' }}>{t('tickets.title')}</Link>
      </p>
      <section className="card">
        <TicketLine tk={tk} />
        <p className="ticket-text">{tk.description}</p>
        {tk.answer && <p>{t('tickets.answerGiven', { answer: tk.answer })}</p>}
        {tk.closedOnTime !== null && (
          <Alert kind={tk.closedOnTime ? 'success' : 'warning'}>
            {tk.closedOnTime ? t('tickets.closedOnTime') : t('tickets.closedLate')}
          </Alert>
        )}
      </section>
      {tk.category === 'data_correction' && tk.person && <Corrections tk={tk} onDone={file.reload} />}
      <Steps tk={tk} onDone={file.reload} />
      <section className="card" aria-labelledby="ticket-events">
        <h2 id="ticket-events">{t('tickets.events')}</h2>
        <ol className="timeline">
          {[...tk.events].reverse().map((e) => (
            <li key={e.id} data-action={e.action}>
              <strong>{t(`tickets.event.${e.action}` as MessageKey)}</strong>
              {e.note && <p>{e.note}</p>}
              <p className="muted">{t('cases.by', { who: `\u2068${e.actor ?? t('history.system')}\u2069`, when: dateTime(e.at) })}</p>
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}

function Steps({ tk, onDone }: { tk: TicketFileViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  // an answer sent back comes back as the draft to revise
  const [answer, setAnswer] = useState(tk.answer ?? '');
  const focal = user?.role === 'feedback_focal_point';
  const me = user?.me?.userId;
  const step = async (action: string, extra: object = {}) => {
    if (await post(`/api/v1/tickets/${tk.id}/steps`, { action, ...extra })) onDone();
  };
  const button = (label: MessageKey, action: string, extra: object = {}, primary = false) => (
    <button
      type="button"
      className={`btn ${primary ? 'btn-primary' : 'btn-secondary'}`}
      disabled={busy}
      onClick={() => void step(action, extra)}
    >
      {t(label)}
    </button>
  );
  if (tk.status === 'closed') return null;
  return (
    <section className="card hh-form">
      <ActionError error={error} />
      <p className="actions">
        {focal &&
          tk.status !== 'for_approval' &&
          tk.assignedTo?.id !== me &&
          me &&
          button('tickets.assignMe', 'assign', { userId: me }, true)}{' '}
        {tk.status === 'assigned' && button('tickets.start', 'start', {}, true)}
        {tk.status === 'in_progress' && button('tickets.hold', 'hold')}
        {tk.status === 'on_hold' && button('tickets.resume', 'resume', {}, true)}
        {tk.status === 'for_approval' && focal && tk.proposedBy !== me && button('tickets.approve', 'approve', {}, true)}{' '}
        {tk.status === 'for_approval' && focal && button('tickets.sendBack', 'send_back')}
      </p>
      {tk.status === 'in_progress' && (
        <>
          <TextAreaField
            label={t('tickets.answer')}
            name="ticketAnswer"
            dir="auto"
            maxLength={4000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !answer.trim()}
            onClick={() => void step('propose_answer', { answer: answer.trim() })}
          >
            {t('tickets.propose')}
          </button>
        </>
      )}
    </section>
  );
}
