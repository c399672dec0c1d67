// Tasks that follow from confirmed life events, for the people who keep the registry: today a new
// head of household when the head died. A task proposes; a person decides (make head, or close
// without a change, with the reason). The names shown are logged by the server.
import { useState } from 'react';
import type { HouseholdViewT, TaskListT, TaskViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, PersonName, Screen, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { checkDay } from '../../validate.ts';
import { relKey, vulnKey } from '../HouseholdPage.tsx';
import { ActionError } from '../household/parts.tsx';
import { today, useAction } from '../household/useAction.ts';

export function Tasks() {
  const { t } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<TaskListT>('/api/v1/tasks'), [api]);
  return (
    <Screen title={t('tasks.title')}>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('tasks.none')}</p>
      ) : (
        <ul className="list">
          {list.data.items.map((task) => (
            <li key={task.id} className="card">
              <TaskSummary task={task} />
              <Link to={{ name: 'task', id: task.id }} className="btn btn-primary">
                {t('tasks.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

function TaskSummary({ task }: { task: TaskViewT }) {
  const { t, dateTime } = useI18n();
  const overdue = task.status === 'open' && Date.parse(task.dueAt) < Date.now();
  return (
    <>
      <h2>{t(`tasks.kind.${task.kind}`)}</h2>
      <p>{t('tasks.newHeadLine', { name: `\u2068${task.person.fullName}\u2069` })}</p>
      <p className="muted">
        {t('tasks.household', { record: `\u2068${task.householdRecordId ?? ''}\u2069` })}
        {'، '}
        <span className={overdue ? 'task-overdue' : undefined}>
          {overdue ? t('tasks.overdue') : t('tasks.due', { date: dateTime(task.dueAt) })}
        </span>
      </p>
      {task.proposedHead && <p>{t('tasks.proposed', { name: `\u2068${task.proposedHead.fullName}\u2069` })}</p>}
    </>
  );
}

export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const task = useLoad(() => api.get<TaskViewT>(`/api/v1/tasks/${id}`), [id, api]);
  if (task.error)
    return (
      <Screen title={t('tasks.title')}>
        <ErrorState error={task.error} onRetry={task.reload} />
      </Screen>
    );
  if (!task.data)
    return (
      <Screen title={t('tasks.title')}>
        <Loading />
      </Screen>
    );
  const tk = task.data;
  return (
    <Screen title={t(`tasks.kind.${tk.kind}`)}>
      <p>
        <Link to={{ name: 'tasks' }}>{t('tasks.back')}</Link>
      </p>
      <section className="card">
        <TaskSummary task={tk} />
        <p>
          <Link to={{ name: 'household', id: tk.householdId }} className="btn btn-secondary">
            {t('tasks.openHousehold')}
          </Link>
        </p>
      </section>
      {tk.status === 'open' ? (
        <>
          {tk.kind === 'new_head' ? <NewHeadForm task={tk} onDone={task.reload} /> : <VulnerabilityForm task={tk} onDone={task.reload} />}
          <DismissForm task={tk} onDone={task.reload} />
        </>
      ) : (
        <Alert kind="success">
          {tk.status === 'dismissed' ? t('tasks.dismissed') : tk.kind === 'new_head' ? t('tasks.done') : t('tasks.vulnerabilityDone')}
        </Alert>
      )}
    </Screen>
  );
}

function NewHeadForm({ task, onDone }: { task: TaskViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const household = useLoad(() => api.get<HouseholdViewT>(`/api/v1/households/${task.householdId}`), [task.householdId, api]);
  const { busy, error, post } = useAction();
  const [chosen, setChosen] = useState(task.proposedHead?.id ?? '');
  const [date, setDate] = useState(today);
  const dateErr = checkDay(date);
  if (household.error) return <ErrorState error={household.error} onRetry={household.reload} />;
  if (!household.data) return <Loading />;
  const candidates = household.data.members.filter((m) => m.validTo === null && m.relationship !== 'head');
  if (candidates.length === 0) return <p className="muted">{t('tasks.noCandidates')}</p>;
  async function submit() {
    if (!chosen || dateErr) return;
    if (await post(`/api/v1/tasks/${task.id}/new-head`, { personId: chosen, date })) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="new-head">
      <h2 id="new-head">{t('tasks.choose')}</h2>
      <p className="muted">{t('tasks.chooseHint')}</p>
      <fieldset className="choices">
        <legend className="visually-hidden">{t('tasks.choose')}</legend>
        {candidates.map((m) => (
          <label key={m.personId} className="check">
            <input type="radio" name="newHead" value={m.personId} checked={chosen === m.personId} onChange={() => setChosen(m.personId)} />{' '}
            {m.fullName ? <PersonName fullName={m.fullName} /> : t('common.none')} ({t(relKey(m.relationship))})
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('tasks.date')}
        type="date"
        name="newHeadDate"
        value={date}
        max={today()}
        onChange={(e) => setDate(e.target.value)}
        error={dateErr ? t(dateErr) : null}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy || !chosen} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('tasks.makeHead')}
      </button>
    </section>
  );
}

function VulnerabilityForm({ task, onDone }: { task: TaskViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [date, setDate] = useState(today);
  const dateErr = checkDay(date);
  async function submit() {
    if (dateErr) return;
    if (await post(`/api/v1/tasks/${task.id}/vulnerability`, { date })) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="record-vulnerability">
      <h2 id="record-vulnerability">{t('tasks.recordVulnerability', { vulnerability: t(vulnKey(task.vulnerability ?? '')) })}</h2>
      <p className="muted">{t('tasks.vulnerabilityHint')}</p>
      <TextField
        label={t('tasks.from')}
        type="date"
        name="vulnerabilityDate"
        value={date}
        max={today()}
        onChange={(e) => setDate(e.target.value)}
        error={dateErr ? t(dateErr) : null}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('tasks.recordSubmit')}
      </button>
    </section>
  );
}

function DismissForm({ task, onDone }: { task: TaskViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  async function submit() {
    setTried(true);
    if (!reason.trim()) return;
    if (await post(`/api/v1/tasks/${task.id}/dismiss`, { reason: reason.trim() })) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="dismiss-task">
      <h2 id="dismiss-task">{t('tasks.dismiss')}</h2>
      <TextField
        label={t('tasks.dismissReason')}
        name="dismissReason"
        dir="auto"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={tried && !reason.trim() ? t('valid.required') : null}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void submit()}>
        {t('tasks.dismiss')}
      </button>
    </section>
  );
}
