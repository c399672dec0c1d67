// The members of a household: each with their relationship (a link to their record), the head
// marked; for those whose role allows it, per member: make them the head, they leave (never the
// head: the rule is said in words), report a life event (a death, an injury, missing ...) as on
// the person's page, with its consequences (tasks) and its history.
import { useState } from 'react';
import type { Relationship } from '../../../../src/shared/vocabulary.ts';
import { can } from '../../access.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { PersonName, SelectField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RelationshipSelect } from './RelationshipSelect.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { relKey } from '../HouseholdPage.tsx';
import { ActionError, ConfirmButton, DateField, ReasonField, usePlural, withReason } from './parts.tsx';
import { ReportForm } from '../lifeEvents/LifeEvents.tsx';
import { today, useAction } from './useAction.ts';

type Member = HouseholdViewT['members'][number];
type Open = { personId: string; action: 'head' | 'leave' | 'status' } | null;

export function Members({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const plural = usePlural();
  const [open, setOpen] = useState<Open>(null);
  const current = h.members.filter((m) => m.validTo === null);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="hh-members">
      <h2 id="hh-members">{t('household.members')}</h2>
      <p className="muted">{plural('hh.members', current.length)}</p>
      <ul className="list hh-members">
        {current.map((m) => (
          <li key={m.personId} className={m.relationship === 'head' ? 'hh-head' : undefined}>
            <MemberRow m={m} open={open} onOpen={setOpen} />
            {open?.personId === m.personId && open.action === 'head' && <HeadForm h={h} m={m} onDone={done} />}
            {open?.personId === m.personId && open.action === 'leave' && <LeaveForm h={h} m={m} onDone={done} />}
            {open?.personId === m.personId && open.action === 'status' && (
              <div className="hh-member-event">
                <h3>{t('life.report')}</h3>
                <ReportForm personId={m.personId} onDone={done} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MemberRow({ m, open, onOpen }: { m: Member; open: Open; onOpen: (o: Open) => void }) {
  const { t, day, sep } = useI18n();
  const { user } = useSession();
  const head = m.relationship === 'head';
  const toggle = (action: 'head' | 'leave' | 'status') =>
    onOpen(open?.personId === m.personId && open.action === action ? null : { personId: m.personId, action });
  const [shown, setShown] = useState(false);
  const actions = (
    [
      ['head', t('hh.head.action'), !head && can(user?.role, 'changeHead')],
      ['leave', t('hh.leave.action'), !head && can(user?.role, 'leaveHousehold')],
      ['status', t('life.report'), can(user?.role, 'lifeEvents')],
    ] as const
  ).filter(([, , may]) => may);
  return (
    <div className="hh-member">
      <Link to={{ name: 'person', id: m.personId }} className="list-item">
        <span className="list-title">
          {m.fullName ? <PersonName fullName={m.fullName} /> : t('common.none')}
          {head && <span className="badge badge-head">{t('hh.headBadge')}</span>}
        </span>
        <span className="list-meta">
          {t(relKey(m.relationship))}
          {m.dateOfBirth ? `${sep}${day(m.dateOfBirth, 'year')}` : ''}
        </span>
      </Link>
      {head && can(user?.role, 'leaveHousehold') && <p className="hint">{t('hh.leave.headRule')}</p>}
      {actions.length > 0 && (
        <div className="row hh-member-actions">
          <button type="button" className="btn btn-secondary btn-small" aria-expanded={shown} onClick={() => setShown(!shown)}>
            {t('hh.actions')}
          </button>
          {shown &&
            actions.map(([a, label]) => (
              <button
                key={a}
                type="button"
                className="btn btn-secondary btn-small"
                aria-expanded={open?.personId === m.personId && open.action === a}
                onClick={() => toggle(a)}
              >
                {label}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}

/** This member becomes the head; the previous head stays (with a relationship) or leaves. */
function HeadForm({ h, m, onDone }: { h: HouseholdViewT; m: Member; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [date, setDate] = useState(today);
  const [previousHead, setPreviousHead] = useState<'stays' | 'leaves'>('stays');
  const [relationship, setRelationship] = useState<Relationship>('spouse');
  const [reason, setReason] = useState('');
  const oldHead = h.members.find((x) => x.relationship === 'head' && x.validTo === null);
  async function submit() {
    const body = withReason({ personId: m.personId, date, previousHead, previousHeadRelationship: relationship }, reason);
    if (await post(`/api/v1/households/${h.id}/head`, body)) onDone();
  }
  return (
    <div className="hh-form">
      <h3>{t('hh.head.title')}</h3>
      {oldHead && (
        <SelectField
          label={t('hh.head.previous')}
          name="previousHead"
          value={previousHead}
          onChange={(e) => setPreviousHead(e.target.value as 'stays' | 'leaves')}
        >
          <option value="stays">{t('hh.head.stays')}</option>
          <option value="leaves">{t('hh.head.leaves')}</option>
        </SelectField>
      )}
      {oldHead && previousHead === 'stays' && (
        <RelationshipSelect
          label={t('hh.head.previousRelationship')}
          name="previousHeadRelationship"
          value={relationship}
          onChange={setRelationship}
        />
      )}
      <DateField value={date} onChange={setDate} />
      <ReasonField value={reason} onChange={setReason} />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('hh.head.submit')}
      </button>
    </div>
  );
}

/** This member leaves the household on a date (asked first). */
function LeaveForm({ h, m, onDone }: { h: HouseholdViewT; m: Member; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  async function submit() {
    if (await post(`/api/v1/households/${h.id}/members/${m.personId}/leave`, withReason({ date }, reason))) onDone();
  }
  return (
    <div className="hh-form">
      <h3>{t('hh.leave.title')}</h3>
      <DateField value={date} onChange={setDate} />
      <ReasonField value={reason} onChange={setReason} required tried={tried} />
      <ActionError error={error} />
      <ConfirmButton
        label={t('hh.leave.submit')}
        question={t('hh.leave.confirm')}
        disabled={busy}
        ready={() => {
          setTried(true);
          return reason.trim() !== '';
        }}
        onConfirm={() => void submit()}
      />
    </div>
  );
}
