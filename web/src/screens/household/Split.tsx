// Split: some members (never the head) form a new household from a date; one of them is its head,
// the others take their relationship to that head. Asked before it is done.
import { useState } from 'react';
import { relationships, type Relationship } from '../../../../src/shared/vocabulary.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { SelectField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { relKey } from '../HouseholdPage.tsx';
import { ActionError, Collapsible, ConfirmButton, DateField, ReasonField, usePlural, withReason } from './parts.tsx';
import { today, useAction } from './useAction.ts';

/** For each member: stays (''), or the relationship they will have in the new household. */
type Choice = Record<string, Relationship | ''>;

export function Split({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const plural = usePlural();
  const { busy, error, post } = useAction();
  const [choice, setChoice] = useState<Choice>({});
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const movable = h.members.filter((m) => m.validTo === null && m.relationship !== 'head');
  const leaving = movable.filter((m) => choice[m.personId]).map((m) => ({ personId: m.personId, relationship: choice[m.personId]! }));
  const heads = leaving.filter((m) => m.relationship === 'head').length;
  const problem = leaving.length === 0 ? null : heads !== 1 ? t('hh.split.oneHead') : null;
  async function submit() {
    if (await post(`/api/v1/households/${h.id}/split`, withReason({ date, members: leaving }, reason))) {
      setChoice({});
      setReason('');
      setTried(false);
      onChanged();
    }
  }
  if (movable.length === 0) return null;
  return (
    <Collapsible id="hh-split" title={t('hh.split.title')}>
      <p className="hint">{t('hh.split.intro')}</p>
      {movable.map((m) => (
        <SelectField
          key={m.personId}
          label={m.fullName ?? t('common.none')}
          name={`split-${m.personId}`}
          value={choice[m.personId] ?? ''}
          onChange={(e) => setChoice({ ...choice, [m.personId]: e.target.value as Relationship | '' })}
        >
          <option value="">{t('hh.split.stays')}</option>
          {relationships.map((r) => (
            <option key={r} value={r}>
              {t('hh.split.goesAs', { relationship: t(relKey(r)) })}
            </option>
          ))}
        </SelectField>
      ))}
      {leaving.length > 0 && <p>{plural('hh.split.count', leaving.length)}</p>}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <DateField value={date} onChange={setDate} name="splitDate" />
      <ReasonField value={reason} onChange={setReason} required tried={tried} />
      <ActionError error={error} />
      <ConfirmButton
        label={t('hh.split.submit')}
        question={t('hh.split.confirm')}
        disabled={busy || leaving.length === 0 || problem !== null}
        ready={() => {
          setTried(true);
          return reason.trim() !== '';
        }}
        onConfirm={() => void submit()}
      />
    </Collapsible>
  );
}
