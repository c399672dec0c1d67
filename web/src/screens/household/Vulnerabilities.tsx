// Specific needs of the household: recorded ones (of the household or of one member, removable
// from a date, asked first) and those derived from the head (female-, child-, elderly-headed),
// which follow the head and cannot be removed. Recording one: the kind, whom it concerns, from when.
import { useState } from 'react';
import { type VulnerabilityKind, vulnerabilityKinds } from '../../../../src/shared/vocabulary.ts';
import { can } from '../../access.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { PersonName, SelectField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { vulnKey } from '../HouseholdPage.tsx';
import { ActionError, ConfirmButton, DateField, ReasonField, withReason } from './parts.tsx';
import { today, useAction } from './useAction.ts';

type Vulnerability = HouseholdViewT['vulnerabilities'][number];

export function Vulnerabilities({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section className="card" aria-labelledby="hh-vuln">
      <h2 id="hh-vuln">{t('household.vulnerabilities')}</h2>
      {h.vulnerabilities.length === 0 ? (
        <p className="muted">{t('household.noVulnerabilities')}</p>
      ) : (
        <ul className="list hh-vulns">
          {h.vulnerabilities.map((v) => (
            <VulnerabilityRow key={`${v.kind}:${v.personId ?? ''}:${v.derived}`} h={h} v={v} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {can(user?.role, 'recordVulnerability') && <RecordToggle h={h} onChanged={onChanged} />}
    </section>
  );
}

function VulnerabilityRow({ h, v, onChanged }: { h: HouseholdViewT; v: Vulnerability; onChanged: () => void }) {
  const { t, day, sep } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const who = v.personId ? h.members.find((m) => m.personId === v.personId)?.fullName : null;
  async function end() {
    const body = withReason({ kind: v.kind, date, ...(v.personId ? { personId: v.personId } : {}) }, reason);
    if (await post(`/api/v1/households/${h.id}/vulnerabilities/end`, body)) onChanged();
  }
  return (
    <li className="list-item">
      <span className="list-title">{t(vulnKey(v.kind))}</span>
      <span className="list-meta">
        {who ? <PersonName fullName={who} /> : t('hh.vuln.household')}
        {v.since ? `${sep}${t('household.since', { date: day(v.since) })}` : ''}
        {v.derived ? `${sep}${t('hh.vuln.derived')}` : ''}
      </span>
      {!v.derived && can(user?.role, 'endVulnerability') && (
        <button type="button" className="btn btn-secondary btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('hh.vuln.remove')}
        </button>
      )}
      {open && (
        <div className="hh-form">
          <DateField value={date} onChange={setDate} name="endDate" />
          <ReasonField value={reason} onChange={setReason} />
          <ActionError error={error} />
          <ConfirmButton
            label={t('hh.vuln.removeSubmit')}
            question={t('hh.vuln.removeConfirm', { kind: t(vulnKey(v.kind)) })}
            disabled={busy}
            onConfirm={() => void end()}
          />
        </div>
      )}
    </li>
  );
}

/** "Record a specific need": the form opens on demand and closes once the need is recorded. */
function RecordToggle({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('hh.vuln.record')}
      </button>
      {open && (
        <RecordVulnerability
          h={h}
          onChanged={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function RecordVulnerability({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [kind, setKind] = useState<VulnerabilityKind | ''>('');
  const [personId, setPersonId] = useState('');
  const [date, setDate] = useState(today);
  const [touched, setTouched] = useState(false);
  const [reason, setReason] = useState('');
  const members = h.members.filter((m) => m.validTo === null);
  async function submit() {
    setTouched(true);
    if (!kind) return;
    if (await post(`/api/v1/households/${h.id}/vulnerabilities`, withReason({ kind, date, ...(personId ? { personId } : {}) }, reason))) {
      setKind('');
      setTouched(false);
      onChanged();
    }
  }
  return (
    <div className="hh-form">
      <SelectField
        label={t('hh.vuln.kind')}
        name="vulnKind"
        value={kind}
        onChange={(e) => setKind(e.target.value as VulnerabilityKind)}
        error={touched && !kind ? t('valid.required') : null}
      >
        <option value="">{t('common.none')}</option>
        {vulnerabilityKinds.map((k) => (
          <option key={k} value={k}>
            {t(vulnKey(k))}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('hh.vuln.who')} name="vulnPerson" value={personId} onChange={(e) => setPersonId(e.target.value)}>
        <option value="">{t('hh.vuln.household')}</option>
        {members.map((m) => (
          <option key={m.personId} value={m.personId}>
            {m.fullName ?? t('common.none')}
          </option>
        ))}
      </SelectField>
      <DateField value={date} onChange={setDate} name="vulnDate" />
      <ReasonField value={reason} onChange={setReason} />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('hh.vuln.submit')}
      </button>
    </div>
  );
}
