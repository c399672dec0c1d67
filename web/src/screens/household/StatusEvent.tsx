// A status event of a person (injured, disability, deceased, missing, found): the kind, the date
// when known, where the information comes from and a note.
import { useState } from 'react';
import { type StatusKind, statusKinds } from '../../../../src/shared/vocabulary.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { SelectField, TextField } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { checkDay } from '../../validate.ts';
import { ActionError } from './parts.tsx';
import { today, useAction } from './useAction.ts';

type Member = HouseholdViewT['members'][number];
export const statusKey = (k: string): MessageKey =>
  (statusKinds as readonly string[]).includes(k) ? (`hh.status.kind.${k}` as MessageKey) : 'history.action.status';

export function StatusEventForm({ m, onDone }: { m: Member; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [kind, setKind] = useState<StatusKind | ''>('');
  const [date, setDate] = useState(today);
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const dateErr = date ? checkDay(date) : null;
  async function submit() {
    setTouched(true);
    if (!kind || dateErr) return;
    const body = {
      kind,
      ...(date ? { date } : {}),
      ...(source.trim() ? { source: source.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (await post(`/api/v1/persons/${m.personId}/status-events`, body)) onDone();
  }
  return (
    <div className="hh-form">
      <h3>{t('hh.status.title')}</h3>
      <SelectField
        label={t('hh.status.kind')}
        name="statusKind"
        value={kind}
        onChange={(e) => setKind(e.target.value as StatusKind)}
        error={touched && !kind ? t('valid.required') : null}
      >
        <option value="">{t('common.none')}</option>
        {statusKinds.map((k) => (
          <option key={k} value={k}>
            {t(statusKey(k))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('hh.status.date')}
        optional
        hint={t('hh.status.dateHint')}
        type="date"
        name="statusDate"
        value={date}
        max={today()}
        onChange={(e) => setDate(e.target.value)}
        error={dateErr ? t(dateErr) : null}
      />
      <TextField
        label={t('hh.status.source')}
        optional
        name="statusSource"
        maxLength={200}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      <TextField
        label={t('hh.status.note')}
        optional
        name="statusNote"
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('hh.status.submit')}
      </button>
    </div>
  );
}
