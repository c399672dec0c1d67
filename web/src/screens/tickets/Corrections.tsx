// The data correction of a data-correction ticket: the requests proposed on it, side by side (value
// now, value proposed), and, for its handler while none waits, the proposal: pick fields, enter the
// new values next to the current ones, give the reason. Another person who may edit the record
// approves it (CorrectionQueue.tsx); the values go in the request's body, never in a URL.
import { useState } from 'react';
import { type CorrectionField, correctionFields, CORRECTION_REASON_MAX } from '../../../../src/shared/corrections.ts';
import type { CorrectionListT, CorrectionViewT, PersonViewT, TicketFileViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, SelectField, TextField } from '../../components/ui.tsx';
import { GovernorateSelect } from '../../components/GovernorateSelect.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { CorrectionCard, CorrectionTable, fieldKey, useCorrectionValue } from './correctionParts.tsx';

export function Corrections({ tk, onDone }: { tk: TicketFileViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const list = useLoad(() => api.get<CorrectionListT>(`/api/v1/tickets/${tk.id}/corrections`), [tk.id, tk.version, api]);
  const [open, setOpen] = useState(false);
  const handler = user?.role === 'feedback_focal_point' || (tk.assignedTo !== null && tk.assignedTo.id === user?.me?.userId);
  const waiting = list.data?.items.some((c) => c.status === 'proposed') ?? true;
  return (
    <section className="card" aria-labelledby="ticket-corrections">
      <h2 id="ticket-corrections">{t('corr.title')}</h2>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          {list.data.items.length === 0 && <p className="muted">{t('corr.none')}</p>}
          {list.data.items.map((c) => (
            <CorrectionCard key={c.id} c={c}>
              {c.status === 'proposed' && <p className="muted">{t('corr.waitsOther')}</p>}
            </CorrectionCard>
          ))}
        </>
      )}
      {handler && tk.person && tk.status !== 'closed' && !waiting && !open && (
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t('corr.propose')}
        </button>
      )}
      {open && tk.person && (
        <ProposeForm
          ticketId={tk.id}
          personId={tk.person.id}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            list.reload();
            onDone();
          }}
        />
      )}
    </section>
  );
}

/** A field's value on the person's record as the form writes it. */
function current(p: PersonViewT, f: CorrectionField): string | null {
  if (f === 'dateOfBirth') {
    if (!p.dateOfBirth) return null;
    if (p.dobPrecision === 'month') return p.dateOfBirth.slice(0, 7);
    return p.dobPrecision === 'year' || p.dobPrecision === 'estimated' ? p.dateOfBirth.slice(0, 4) : p.dateOfBirth;
  }
  return p[f] ?? null;
}

function ProposeForm({
  ticketId,
  personId,
  onCancel,
  onDone,
}: {
  ticketId: string;
  personId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const person = useLoad(() => api.get<PersonViewT>(`/api/v1/persons/${personId}`), [personId, api]);
  const [values, setValues] = useState<Partial<Record<CorrectionField, string>>>({});
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, post } = useAction();
  if (person.error) return <ErrorState error={person.error} onRetry={person.reload} />;
  if (!person.data) return <Loading />;
  const p = person.data;
  // with the name in parts, the full name follows them: the parts are corrected, not the full name
  const hasParts = [p.givenName, p.fatherName, p.grandfatherName, p.familyName].some((x) => x !== null);
  const offered = correctionFields.filter((f) => !(hasParts && f === 'fullName'));
  const picked = offered.filter((f) => f in values);
  const rows = picked.map((f) => ({ field: f, current: current(p, f), proposed: values[f]?.trim() || null }));
  const changed = rows.filter((r) => r.proposed !== r.current);
  const toggle = (f: CorrectionField, on: boolean) =>
    setValues((v) => {
      const next = { ...v };
      if (on) next[f] = current(p, f) ?? '';
      else delete next[f];
      return next;
    });
  async function submit() {
    if (changed.length === 0 || !reason.trim()) {
      setMissing(true);
      return;
    }
    const changes = Object.fromEntries(changed.map((r) => [r.field, r.proposed]));
    const done = await post<CorrectionViewT>(`/api/v1/tickets/${ticketId}/corrections`, {
      changes,
      reason: reason.trim(),
      version: p.version,
    });
    if (done) onDone();
  }
  return (
    <div className="hh-form correction-form">
      <fieldset>
        <legend>{t('corr.pick')}</legend>
        {offered.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" name={`pick-${f}`} checked={f in values} onChange={(e) => toggle(f, e.target.checked)} />{' '}
            {t(fieldKey(f))}
          </label>
        ))}
      </fieldset>
      {picked.map((f) => (
        <FieldInput key={f} field={f} now={current(p, f)} value={values[f] ?? ''} onChange={(x) => setValues((v) => ({ ...v, [f]: x }))} />
      ))}
      {changed.length > 0 && <CorrectionTable rows={changed} />}
      <TextField
        label={t('corr.reason')}
        hint={t('corr.reasonHint')}
        name="correctionReason"
        dir="auto"
        maxLength={CORRECTION_REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing && !reason.trim() ? t('valid.required') : null}
      />
      {missing && changed.length === 0 && <Alert kind="warning">{t('corr.pickOne')}</Alert>}
      <ActionError error={error} />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
          {t('corr.send')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('corr.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The new value of one field, with its current value beside it. */
function FieldInput({
  field,
  now,
  value,
  onChange,
}: {
  field: CorrectionField;
  now: string | null;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const show = useCorrectionValue();
  return (
    <div className="correction-field" data-field={field}>
      <p className="muted">
        {t(fieldKey(field))} — {t('corr.current')}: {show(field, now)}
      </p>
      <NewValue field={field} value={value} onChange={onChange} />
    </div>
  );
}

function NewValue({ field, value, onChange }: { field: CorrectionField; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const label = `${t(fieldKey(field))} — ${t('corr.proposed')}`;
  if (field === 'sex')
    return (
      <SelectField label={label} name={`new-${field}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="" />
        <option value="female">{t('sex.female')}</option>
        <option value="male">{t('sex.male')}</option>
      </SelectField>
    );
  if (field === 'governorate') return <GovernorateSelect label={label} name={`new-${field}`} value={value} onChange={onChange} />;
  const ltr = field === 'nationalId' || field === 'phone' || field === 'dateOfBirth' || field === 'fullNameEn';
  return (
    <TextField
      label={label}
      name={`new-${field}`}
      dir={ltr ? 'ltr' : 'auto'}
      inputMode={field === 'nationalId' || field === 'phone' ? 'tel' : undefined}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
