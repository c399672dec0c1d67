// A data correction shown side by side: each field, its value when proposed and the value proposed;
// the request's state, who proposed and decided it. Shared by the ticket page and the approval queue.
import type { ReactNode } from 'react';
import type { CorrectionField } from '../../../../src/shared/corrections.ts';
import type { CorrectionViewT } from '../../api/types.ts';
import { FIELD_KEYS } from '../../components/History.tsx';
import { Alert } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useGovernorateName } from '../../session.tsx';

const DIGITS = new Set<string>(['nationalId', 'phone', 'dateOfBirth']);
const LATIN = new Set<string>(['fullNameEn']);

export const fieldKey = (f: CorrectionField): MessageKey => FIELD_KEYS[f] ?? 'person.fullName';

/** One value in words: vocabularies translated, numbers and Latin text isolated left to right. */
export function useCorrectionValue(): (field: CorrectionField, value: string | null) => ReactNode {
  const { t, digitsOf } = useI18n();
  const govName = useGovernorateName();
  return (field, value) => {
    if (value === null || value === '') return <span className="muted">{t('corr.empty')}</span>;
    if (field === 'sex' && (value === 'female' || value === 'male')) return t(`sex.${value}`);
    if (field === 'governorate') return govName(value);
    if (DIGITS.has(field))
      return (
        <bdi dir="ltr" className="mono">
          {digitsOf(value)}
        </bdi>
      );
    return <bdi dir={LATIN.has(field) ? 'ltr' : undefined}>{value}</bdi>;
  };
}

export function CorrectionTable({ rows }: { rows: { field: CorrectionField; current: string | null; proposed: string | null }[] }) {
  const { t } = useI18n();
  const value = useCorrectionValue();
  return (
    <div className="table-scroll">
      <table className="correction-table">
        <thead>
          <tr>
            <th scope="col">{t('corr.field')}</th>
            <th scope="col">{t('corr.current')}</th>
            <th scope="col">{t('corr.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} data-field={r.field}>
              <th scope="row">{t(fieldKey(r.field))}</th>
              <td>{value(r.field, r.current)}</td>
              <td>
                <strong>{value(r.field, r.proposed)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUS_BADGE = { proposed: 'badge-warning', approved: 'badge-success', rejected: 'badge-muted' } as const;

/** A request: its state, the table, the reason, who proposed and decided it. */
export function CorrectionCard({ c, children }: { c: CorrectionViewT; children?: ReactNode }) {
  const { t, dateTime } = useI18n();
  const who = (u: string) => `\u2068${u}\u2069`;
  return (
    <article className="correction" data-status={c.status} aria-label={t('corr.title')}>
      <p>
        <span className={`badge ${STATUS_BADGE[c.status]}`}>{t(`corr.status.${c.status}`)}</span>
      </p>
      <CorrectionTable rows={c.fields} />
      <p>
        {t('corr.reason')}: <bdi>{c.reason}</bdi>
      </p>
      <p className="muted">{t('corr.proposedBy', { who: who(c.proposedBy.username), when: dateTime(c.proposedAt) })}</p>
      {c.decidedBy && c.decidedAt && <p className="muted">{t('corr.decidedBy', { who: who(c.decidedBy), when: dateTime(c.decidedAt) })}</p>}
      {c.decisionReason && <p>{t('corr.decisionReason', { reason: `\u2068${c.decisionReason}\u2069` })}</p>}
      {c.stale && <Alert kind="warning">{t('corr.stale')}</Alert>}
      {children}
    </article>
  );
}
