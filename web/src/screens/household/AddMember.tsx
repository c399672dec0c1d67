// Adds a member to the household: a person already in the registry (found by search), or a new
// person registered here with the registration form as it is (PersonForm), then added.
import { useState } from 'react';
import type { Relationship } from '../../../../src/shared/vocabulary.ts';
import type { HouseholdViewT, PersonInputT, PersonSummaryT, PersonViewT } from '../../api/types.ts';
import { Alert, PersonName } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RelationshipSelect } from './RelationshipSelect.tsx';
import { blankMember, PersonForm, type Values } from '../PersonForm.tsx';
import { ActionError, Collapsible, DateField, ReasonField, withReason } from './parts.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { today, useAction } from './useAction.ts';

type Mode = 'existing' | 'new';

export function AddMember({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('existing');
  const [added, setAdded] = useState<string | null>(null);
  const done = (name: string) => {
    setAdded(name);
    onChanged();
  };
  return (
    <Collapsible id="hh-add" title={t('hh.add.title')}>
      <fieldset className="segmented">
        <legend>{t('hh.add.how')}</legend>
        {(['existing', 'new'] as const).map((m) => (
          <label key={m} className={mode === m ? 'selected' : ''}>
            <input
              type="radio"
              name="addMode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setAdded(null);
              }}
            />
            {t(m === 'existing' ? 'hh.add.existing' : 'hh.add.new')}
          </label>
        ))}
      </fieldset>
      {added && <Alert kind="success">{t('hh.add.done', { name: added })}</Alert>}
      {mode === 'existing' ? <AddExisting h={h} onDone={done} /> : <AddNew h={h} onDone={done} />}
    </Collapsible>
  );
}

function AddExisting({ h, onDone }: { h: HouseholdViewT; onDone: (name: string) => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [picked, setPicked] = useState<PersonSummaryT | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('other_relative');
  const [date, setDate] = useState(today);
  const [move, setMove] = useState(false);
  const [reason, setReason] = useState('');
  const members = h.members.filter((m) => m.validTo === null).map((m) => m.personId);
  async function submit() {
    if (!picked) return;
    if (await post(`/api/v1/households/${h.id}/members`, withReason({ personId: picked.id, relationship, date, move }, reason))) {
      setPicked(null);
      setReason('');
      onDone(picked.fullName);
    }
  }
  if (!picked) return <PersonPicker label={t('hh.add.find')} exclude={members} onPick={setPicked} />;
  return (
    <div className="hh-form">
      <p>
        {t('hh.add.chosen')}: <strong>{<PersonName fullName={picked.fullName} fullNameEn={picked.fullNameEn} />}</strong>
      </p>
      <RelationshipSelect label={t('household.relationship')} name="addRelationship" value={relationship} onChange={setRelationship} />
      <DateField value={date} onChange={setDate} />
      <label className="check">
        <input type="checkbox" name="move" checked={move} onChange={(e) => setMove(e.target.checked)} /> {t('hh.add.move')}
      </label>
      <ReasonField value={reason} onChange={setReason} />
      <ActionError error={error} />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
          {busy ? t('common.loading') : t('hh.add.submit')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setPicked(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The member form of a registration: a new person is registered, then joins with the relationship chosen there; "use this record" joins an existing one. */
function AddNew({ h, onDone }: { h: HouseholdViewT; onDone: (name: string) => void }) {
  const { t } = useI18n();
  const register = useAction();
  const joining = useAction();
  const [values, setValues] = useState<Values>(() => blankMember(h.governorate, 'other_relative'));
  async function join(personId: string, name: string, relationship: Relationship) {
    if (await joining.post(`/api/v1/households/${h.id}/members`, { personId, relationship, date: today() })) onDone(name);
  }
  async function submit(v: Values, body: PersonInputT) {
    const p = await register.post<PersonViewT>('/api/v1/persons', body);
    if (p) await join(p.id, p.fullName, v.relationship);
  }
  return (
    <>
      <p className="hint">{t('hh.add.newHint')}</p>
      <PersonForm
        initial={values}
        editing={false}
        householdGovernorate={h.governorate}
        error={register.error}
        onValues={setValues}
        onSubmit={(v, body) => void submit(v, body)}
        onUseExisting={(m, r) => void join(m.id, m.fullName, r)}
        onCancel={() => setValues(blankMember(h.governorate, 'other_relative'))}
      />
      <ActionError error={joining.error} />
    </>
  );
}
