// What can be done to a case, each a small form posting one operation (see CasePage.tsx).
import { useState } from 'react';
import type { AssigneesT, CaseFileViewT, PersonSummaryT } from '../../api/types.ts';
import { PersonName, SelectField, TextAreaField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { PersonPicker } from '../household/PersonPicker.tsx';
import { useAction } from '../household/useAction.ts';

type Props = { c: CaseFileViewT; onDone: () => void };

/** The kinds of entry possible at the case's stage (a submission only when nothing waits for the supervisor). */
function kindsFor(c: CaseFileViewT): string[] {
  const kinds = ['note', 'service', 'referral', 'follow_up'];
  if (c.type === 'child_protection') kinds.push('caregiver');
  if (!c.awaiting) {
    if (c.stage === 'intake') kinds.push('assessment');
    if (c.stage === 'plan') kinds.push('plan');
    kinds.push('closure');
  }
  return kinds;
}

export function AddEntry({ c, onDone }: Props) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const needsCaregiver = c.type === 'child_protection' && !c.entries.some((e) => e.kind === 'caregiver');
  const [kind, setKind] = useState(needsCaregiver ? 'caregiver' : 'note');
  const [text, setText] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [person, setPerson] = useState<PersonSummaryT | null>(null);
  const [tried, setTried] = useState(false);
  const dateBad = nextDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(nextDate);
  const missing = kind === 'caregiver' ? !person : !text.trim();
  async function submit() {
    setTried(true);
    if (missing || dateBad) return;
    const body = {
      kind,
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(kind === 'follow_up' && nextDate ? { nextDate } : {}),
      ...(kind === 'caregiver' && person ? { personId: person.id } : {}),
    };
    if (await post(`/api/v1/cases/${c.id}/entries`, body)) {
      setText('');
      setNextDate('');
      setPerson(null);
      setTried(false);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="case-add">
      <h2 id="case-add">{t('cases.add')}</h2>
      <SelectField label={t('cases.kind')} name="entryKind" value={kind} onChange={(e) => setKind(e.target.value)}>
        {kindsFor(c).map((k) => (
          <option key={k} value={k}>
            {t(`cases.entry.${k}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      {kind === 'caregiver' &&
        (person ? (
          <p>
            {t('cases.caregiverChosen', { name: '' })}
            <PersonName fullName={person.fullName} fullNameEn={person.fullNameEn} />
          </p>
        ) : (
          <PersonPicker label={t('cases.caregiverFind')} onPick={setPerson} exclude={[c.person.id]} />
        ))}
      <TextAreaField
        label={t('cases.text')}
        optional={kind === 'caregiver'}
        name="entryText"
        dir="auto"
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={tried && kind !== 'caregiver' && !text.trim() ? t('valid.required') : null}
      />
      {kind === 'follow_up' && (
        <TextField
          label={t('cases.nextDate')}
          optional
          type="date"
          name="nextDate"
          value={nextDate}
          onChange={(e) => setNextDate(e.target.value)}
        />
      )}
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('cases.addSubmit')}
      </button>
    </section>
  );
}

export function DecisionForm({ c, onDone }: Props) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  async function decide(decision: 'approve' | 'send_back') {
    setTried(true);
    if (decision === 'send_back' && !comment.trim()) return;
    if (await post(`/api/v1/cases/${c.id}/decision`, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) })) onDone();
  }
  return (
    <section className="card hh-form" aria-labelledby="case-decide">
      <h2 id="case-decide">{t('cases.decide')}</h2>
      {c.awaiting && <p>{t(`cases.awaiting.${c.awaiting}`)}</p>}
      <TextField
        label={t('cases.comment')}
        optional
        name="decisionComment"
        dir="auto"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={tried && !comment.trim() ? t('valid.required') : null}
      />
      <ActionError error={error} />
      <p className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('approve')}>
          {t('cases.approve')}
        </button>{' '}
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void decide('send_back')}>
          {t('cases.sendBack')}
        </button>
      </p>
    </section>
  );
}

export function ReopenForm({ c, onDone }: Props) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [reason, setReason] = useState('');
  return (
    <section className="card hh-form" aria-labelledby="case-reopen">
      <h2 id="case-reopen">{t('cases.reopen')}</h2>
      <TextField
        label={t('cases.reopenReason')}
        name="reopenReason"
        dir="auto"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionError error={error} />
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy || !reason.trim()}
        onClick={async () => {
          if (await post(`/api/v1/cases/${c.id}/reopen`, { reason: reason.trim() })) onDone();
        }}
      >
        {t('cases.reopenSubmit')}
      </button>
    </section>
  );
}

function useAssignees(caseId: string) {
  const { api } = useSession();
  return useLoad(() => api.get<AssigneesT>(`/api/v1/cases/${caseId}/assignees`), [caseId, api]);
}

function UserChoice({
  c,
  onDone,
  label,
  name,
  submit,
  path,
}: Props & { label: string; name: string; submit: string; path: 'assign' | 'share' }) {
  const { t } = useI18n();
  const users = useAssignees(c.id);
  const { busy, error, post } = useAction();
  const [userId, setUserId] = useState('');
  const others = (users.data?.items ?? []).filter((u) => u.id !== c.assignedTo?.id);
  if (others.length === 0) return null;
  return (
    <section className="card hh-form">
      <h2>{label}</h2>
      <SelectField
        label={path === 'assign' ? t('cases.assignTo') : t('cases.shareWith')}
        name={name}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
      >
        <option value="">{t('common.none')}</option>
        {others.map((u) => (
          <option key={u.id} value={u.id}>
            {u.username} ({t(`role.${u.role}` as MessageKey)})
          </option>
        ))}
      </SelectField>
      <ActionError error={error} />
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy || !userId}
        onClick={async () => {
          if (await post(`/api/v1/cases/${c.id}/${path}`, { userId })) onDone();
        }}
      >
        {submit}
      </button>
    </section>
  );
}

export function AssignForm(p: Props) {
  const { t } = useI18n();
  return <UserChoice {...p} label={t('cases.assign')} name="assignTo" submit={t('cases.assignSubmit')} path="assign" />;
}

export function ShareForm(p: Props) {
  const { t } = useI18n();
  return <UserChoice {...p} label={t('cases.share')} name="shareWith" submit={t('cases.shareSubmit')} path="share" />;
}
