// A person's life events on their page: each report with its source, confidence and state
// (reported, confirmed, withdrawn), corrected or withdrawn with a reason, never deleted; and the
// form to report a new one. A confirmed death of a head opens a task (see Tasks.tsx).
import { useState } from 'react';
import type { LifeEventListT, LifeEventViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { ActionError, Collapsible, ReasonField } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { blankEvent, EventFields, type EventValues, eventBody, eventProblem } from './LifeEventForm.tsx';

export function LifeEvents({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<LifeEventListT>(`/api/v1/persons/${personId}/life-events`), [personId, api]);
  return (
    <>
      <section className="card life-events" aria-labelledby="life-events">
        <h2 id="life-events">{t('life.title')}</h2>
        <p className="muted">{t('life.confirmHint')}</p>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <p className="muted">{t('life.none')}</p>
        ) : (
          <ul className="list">
            {list.data.items.map((e) => (
              <EventItem key={e.id} e={e} onChanged={list.reload} />
            ))}
          </ul>
        )}
      </section>
      <Collapsible id="life-report" title={t('life.report')}>
        <ReportForm personId={personId} onDone={list.reload} />
      </Collapsible>
    </>
  );
}

const stateClass = { reported: 'badge badge-warning', confirmed: 'badge badge-confirmed', withdrawn: 'badge badge-muted' } as const;

function EventItem({ e, onChanged }: { e: LifeEventViewT; onChanged: () => void }) {
  const { t, day, dateTime } = useI18n();
  const [open, setOpen] = useState<'correct' | 'withdraw' | null>(null);
  return (
    <li className="life-event" data-state={e.state}>
      <p>
        <strong>{t(`life.kind.${e.kind}`)}</strong>
        <span className={stateClass[e.state]}>{t(`life.state.${e.state}`)}</span>
      </p>
      <p>
        {e.date ? day(e.date) : t('life.dateUnknown')}
        {'، '}
        {t(`life.source.${e.source}`)}
        {'، '}
        {t('life.confidence')}: {t(`life.confidence.${e.confidence}`)}
      </p>
      <Detail detail={e.detail} />
      {e.note && <p>{e.note}</p>}
      {e.withdrawnReason && <p className="muted">{t('life.withdrawnBecause', { reason: e.withdrawnReason })}</p>}
      <p className="muted">
        {t('life.recorded', { who: `\u2068${e.recordedBy ?? t('history.system')}\u2069`, when: dateTime(e.recordedAt) })}
      </p>
      {e.state !== 'withdrawn' && (
        <p className="actions">
          <button
            type="button"
            className="btn btn-secondary"
            aria-expanded={open === 'correct'}
            onClick={() => setOpen(open === 'correct' ? null : 'correct')}
          >
            {t('life.correct')}
          </button>{' '}
          <button
            type="button"
            className="btn btn-secondary"
            aria-expanded={open === 'withdraw'}
            onClick={() => setOpen(open === 'withdraw' ? null : 'withdraw')}
          >
            {t('life.withdraw')}
          </button>
        </p>
      )}
      {open === 'correct' && <CorrectForm e={e} onDone={onChanged} />}
      {open === 'withdraw' && <WithdrawForm e={e} onDone={onChanged} />}
    </li>
  );
}

function Detail({ detail }: { detail: Record<string, unknown> }) {
  const { t } = useI18n();
  const parts: string[] = [];
  if (typeof detail.severity === 'string') parts.push(`${t('life.severity')}: ${t(`life.severity.${detail.severity}` as MessageKey)}`);
  if (detail.lifeChanging === true) parts.push(t('life.lifeChanging'));
  if (detail.amputation === true) parts.push(t('life.amputation'));
  const wg = (detail.washingtonGroup ?? {}) as Record<string, string>;
  for (const [d, l] of Object.entries(wg)) parts.push(`${t(`life.wg.${d}` as MessageKey)}: ${t(`life.wg.${l}` as MessageKey)}`);
  return parts.length > 0 ? <p>{parts.join('، ')}</p> : null;
}

/** The form to report a life event of a person (also under each member on the household page). */
export function ReportForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [v, setV] = useState<EventValues>(blankEvent);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  async function submit() {
    setTried(true);
    setSaved(false);
    if (eventProblem(v)) return;
    if (await post(`/api/v1/persons/${personId}/life-events`, { kind: v.kind, ...eventBody(v) })) {
      setV(blankEvent());
      setTried(false);
      setSaved(true);
      onDone();
    }
  }
  return (
    <div className="hh-form">
      {saved && <Alert kind="success">{t('life.saved')}</Alert>}
      <EventFields v={v} set={(p) => setV((x) => ({ ...x, ...p }))} tried={tried} />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('life.submit')}
      </button>
    </div>
  );
}

const valuesOf = (e: LifeEventViewT): EventValues => ({
  kind: e.kind,
  date: e.date ?? '',
  source: e.source,
  confidence: e.confidence,
  severity: typeof e.detail.severity === 'string' ? e.detail.severity : '',
  lifeChanging: e.detail.lifeChanging === true,
  amputation: e.detail.amputation === true,
  wg: (e.detail.washingtonGroup ?? {}) as Record<string, string>,
  note: e.note ?? '',
});

function CorrectForm({ e, onDone }: { e: LifeEventViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [v, setV] = useState<EventValues>(() => valuesOf(e));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  async function submit() {
    setTried(true);
    if (eventProblem(v) || !reason.trim()) return;
    if (await post(`/api/v1/life-events/${e.id}/correct`, { ...eventBody(v), version: e.version, reason: reason.trim() })) onDone();
  }
  return (
    <div className="hh-form">
      <EventFields v={v} set={(p) => setV((x) => ({ ...x, ...p }))} tried={tried} kindFixed />
      <ReasonField value={reason} onChange={setReason} required tried={tried} hint={t('life.reasonHint')} />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('life.correctSubmit')}
      </button>
    </div>
  );
}

function WithdrawForm({ e, onDone }: { e: LifeEventViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  async function submit() {
    setTried(true);
    if (!reason.trim()) return;
    if (await post(`/api/v1/life-events/${e.id}/withdraw`, { version: e.version, reason: reason.trim() })) onDone();
  }
  return (
    <div className="hh-form">
      <ReasonField value={reason} onChange={setReason} required tried={tried} hint={t('life.reasonHint')} />
      <ActionError error={error} />
      <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('life.withdrawSubmit')}
      </button>
    </div>
  );
}
