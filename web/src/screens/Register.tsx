// New registration: the people first (each saved as they are added), then the household.
import { useMemo, useState } from 'react';
import { newOperationId } from '../api/client.ts';
import type { HouseholdViewT, PersonViewT, Relationship } from '../api/types.ts';
import { Alert, errorKey, PersonName, Screen, SelectField, TextField } from '../components/ui.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useRouter } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { relKey } from './HouseholdPage.tsx';
import { PersonForm } from './PersonForm.tsx';

type Member = { person: PersonViewT; relationship: Relationship };

export function Register() {
  const { t } = useI18n();
  const [members, setMembers] = useState<Member[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Screen title={t('register.title')} narrow>
      <h2 className="step">{t('register.step1')}</h2>
      {added && <Alert kind="success">{t('register.added', { name: added })}</Alert>}
      <PersonForm
        first={members.length === 0}
        onAdded={(p, relationship) => {
          setMembers((m) => [...m, { person: p, relationship }]);
          setAdded(p.fullName);
        }}
      />
      <h2 className="step">{t('register.step2')}</h2>
      <HouseholdForm members={members} onRemove={(id) => setMembers((m) => m.filter((x) => x.person.id !== id))} />
    </Screen>
  );
}

function HouseholdForm({ members, onRemove }: { members: Member[]; onRemove: (personId: string) => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const { go } = useRouter();
  const govName = useGovernorateName();
  const governorates = user?.me?.governorates ?? [];
  const [governorate, setGovernorate] = useState('');
  const [recordId, setRecordId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  const operationId = useMemo(newOperationId, []);
  const gov = governorate || members[0]?.person.governorate || governorates[0] || '';
  const heads = members.filter((m) => m.relationship === 'head').length;
  const headError = members.length > 0 && heads !== 1 ? t('valid.onlyOneHead') : null;

  async function submit() {
    setSubmitted(true);
    if (members.length === 0 || headError) return;
    setBusy(true);
    setError(null);
    try {
      const h = await api.post<HouseholdViewT>(
        '/api/v1/households',
        {
          governorate: gov,
          ...(recordId.trim() ? { recordId: recordId.trim() } : {}),
          members: members.map((m) => ({ personId: m.person.id, relationship: m.relationship })),
        },
        { idempotencyKey: operationId },
      );
      go({ name: 'household', id: h.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="members-title">
      <h3 id="members-title">{t('register.members', { count: members.length })}</h3>
      {members.length === 0 ? (
        <p className={submitted ? 'error-text' : 'muted'}>{t('register.noMembers')}</p>
      ) : (
        <MemberList members={members} onRemove={onRemove} />
      )}
      {headError && (
        <p className="error-text" role="alert">
          {headError}
        </p>
      )}
      <SelectField label={t('person.governorate')} name="householdGovernorate" value={gov} onChange={(e) => setGovernorate(e.target.value)}>
        {governorates.map((g) => (
          <option key={g} value={g}>
            {govName(g)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('household.recordId')}
        optional
        name="householdRecordId"
        dir="ltr"
        value={recordId}
        onChange={(e) => setRecordId(e.target.value)}
      />
      {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
      <button type="button" className="btn btn-primary btn-block" disabled={busy} onClick={() => void submit()}>
        {busy ? t('register.creating') : t('register.createHousehold')}
      </button>
    </section>
  );
}

function MemberList({ members, onRemove }: { members: Member[]; onRemove: (personId: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="list">
      {members.map((m) => (
        <li key={m.person.id} className="list-item list-row">
          <span>
            <span className="list-title">
              <PersonName fullName={m.person.fullName} fullNameEn={m.person.fullNameEn} />
            </span>
            <span className="list-meta">{t(relKey(m.relationship))}</span>
          </span>
          <button
            type="button"
            className="btn btn-small btn-secondary"
            aria-label={t('register.removeMember', { name: m.person.fullName })}
            onClick={() => onRemove(m.person.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
