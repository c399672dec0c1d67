// The change log of a record, newest first: what happened, when, by whom, which fields.
import type { HistoryEntry } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

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
  if (a === 'create' || a === 'update' || a === 'read') return `history.action.${a}`;
  if (a.startsWith('status')) return 'history.action.status';
  return 'history.action.other';
}

/** Fields that differ between before and after (names only: values are not repeated here). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return Object.keys(FIELD_KEYS).filter((k) => (k in a || k in b) && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}

export function History({ items }: { items: HistoryEntry[] }) {
  const { t, dateTime, lang } = useI18n();
  const { user } = useSession();
  if (items.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline">
      {[...items].reverse().map((e) => {
        const fields = changedFields(e.before, e.after);
        const who = e.actorId === null ? t('history.system') : e.actorId === user?.me?.userId ? t('history.you') : t('history.otherUser');
        return (
          <li key={e.seq}>
            <strong>{t(actionKey(e.action))}</strong> <span className="muted">{t('history.by', { actor: who })}</span>
            <br />
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            {e.action !== 'read' && fields.length > 0 && (
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
