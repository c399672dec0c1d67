// The change log of a record, newest first: what happened, when, by whom, which fields.
import type { ReactNode } from 'react';
import { parseCorrectionLogReason } from '../../../src/shared/corrections.ts';
import { statusKinds } from '../../../src/shared/vocabulary.ts';
import type { HistoryEntry } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

export const FIELD_KEYS: Record<string, MessageKey> = {
  givenName: 'person.givenName',
  fatherName: 'person.fatherName',
  grandfatherName: 'person.grandfatherName',
  familyName: 'person.familyName',
  fullName: 'person.fullName',
  fullNameEn: 'person.fullNameEn',
  sex: 'person.sex',
  dateOfBirth: 'person.dateOfBirth',
  nationalId: 'person.nationalId',
  phone: 'person.phone',
  governorate: 'person.governorate',
  recordId: 'person.recordId',
};

function actionKey(a: string): MessageKey {
  if (a === 'create' || a === 'update' || a === 'read' || a === 'read_history') return `history.action.${a}`;
  if (a.startsWith('status') || (statusKinds as readonly string[]).includes(a)) return 'history.action.status';
  return 'history.action.other';
}

type Snapshot = Record<string, unknown>;
const asSnapshot = (x: unknown): Snapshot => (x && typeof x === 'object' ? (x as Snapshot) : {});
const NAME_PARTS = ['givenName', 'fatherName', 'grandfatherName', 'familyName'];
const LATIN = new Set(['fullNameEn', 'recordId']);
const DIGITS = new Set(['nationalId', 'phone']);

/** One value of a field in words: vocabularies translated, numbers and Latin text isolated left to right. */
function useFieldValue(): (field: string, value: unknown, snapshot: Snapshot) => ReactNode {
  const { t, day, digitsOf } = useI18n();
  const govName = useGovernorateName();
  return (field, value, snapshot) => {
    if (value === null || value === undefined || value === '') return t('edit.history.empty');
    const s = String(value);
    if (field === 'sex' && (s === 'female' || s === 'male')) return t(`sex.${s}`);
    if (field === 'governorate') return govName(s);
    if (field === 'dateOfBirth') {
      const p = snapshot.dobPrecision;
      return <bdi dir="ltr">{day(s, p === 'month' || p === 'year' || p === 'estimated' ? p : 'exact')}</bdi>;
    }
    if (DIGITS.has(field))
      return (
        <bdi dir="ltr" className="mono">
          {digitsOf(s)}
        </bdi>
      );
    return LATIN.has(field) ? <bdi dir="ltr">{s}</bdi> : <bdi>{s}</bdi>;
  };
}

/** An edit: the reason given, and each changed field as "field: before -> after". */
function Changes({ entry, fields }: { entry: HistoryEntry; fields: string[] }) {
  const { t, lang } = useI18n();
  // The arrow points the way the text reads: from before to after.
  const arrow = lang === 'ar' ? '←' : '→';
  const value = useFieldValue();
  const before = asSnapshot(entry.before);
  const after = asSnapshot(entry.after);
  // The full name follows its parts: when a part changed, the parts say it.
  const shown = fields.some((f) => NAME_PARTS.includes(f)) ? fields.filter((f) => f !== 'fullName') : fields;
  return (
    <>
      <Reason reason={entry.reason} />
      <ul className="history-changes">
        {shown.map((f) => (
          <li key={f}>
            {t(FIELD_KEYS[f]!)}: {value(f, before[f], before)} {arrow} {value(f, after[f], after)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The reason given; a correction applied from a ticket names the ticket, linked. */
function Reason({ reason }: { reason: string | null }) {
  const { t } = useI18n();
  if (!reason) return null;
  const fromTicket = parseCorrectionLogReason(reason);
  if (!fromTicket)
    return (
      <p className="history-reason">
        {t('edit.history.reason')}: <bdi>{reason}</bdi>
      </p>
    );
  return (
    <p className="history-reason" data-ticket={fromTicket.ticketId}>
      <Link to={{ name: 'ticket', id: fromTicket.ticketId }}>
        {t('corr.fromTicket')}{' '}
        <bdi dir="ltr" className="mono">
          {fromTicket.ticketId.slice(0, 8)}
        </bdi>
      </Link>
      {fromTicket.text && (
        <>
          {' — '}
          {t('edit.history.reason')}: <bdi>{fromTicket.text}</bdi>
        </>
      )}
    </p>
  );
}

export function History({ items }: { items: HistoryEntry[] }) {
  const { t, dateTime, lang } = useI18n();
  const { user } = useSession();
  if (items.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline">
      {[...items].reverse().map((e) => {
        // The server names the fields that changed; an auditor gets those names without the values.
        const withValues = e.before !== null || e.after !== null;
        const fields = Object.keys(FIELD_KEYS).filter((k) => e.fields.includes(k));
        // A colleague's username is Latin text: isolated (FSI ... PDI) inside the sentence.
        const who =
          e.actorId === null
            ? t('history.system')
            : e.actorId === user?.me?.userId
              ? t('history.you')
              : e.actorName
                ? `\u2068${e.actorName}\u2069`
                : t('history.otherUser');
        return (
          <li key={e.seq}>
            <strong>
              {t(e.action === 'update' && parseCorrectionLogReason(e.reason) ? 'history.action.correction' : actionKey(e.action))}
            </strong>{' '}
            <span className="muted">{t('history.by', { actor: who })}</span>
            <br />
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            {e.action === 'update' && withValues && <Changes entry={e} fields={fields} />}
            {e.action !== 'read' && (e.action !== 'update' || !withValues) && fields.length > 0 && (
              <div className="muted">
                {t('history.fields', { fields: fields.map((f) => t(FIELD_KEYS[f]!)).join(lang === 'ar' ? '، ' : ', ') })}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
