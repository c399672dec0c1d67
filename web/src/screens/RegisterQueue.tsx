// Registrations saved on this device while offline: waiting to be sent, sent (a link to the
// household), or refused by the server (taken back into the draft to be corrected).
import { useEffect, useState } from 'react';
import { Alert, PersonName } from '../components/ui.tsx';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { pluralForm } from '../i18n/plural.ts';
import type { Draft } from '../registration/draft.ts';
import { dismiss, type Queued, subscribe } from '../registration/outbox.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

/** `onRestore` puts a refused registration back as the draft; false when a draft is under way. */
export function QueuedRegistrations({ onRestore }: { onRestore: (d: Draft) => boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [items, setItems] = useState<Queued[]>([]);
  useEffect(() => subscribe(setItems), []);
  const mine = items.filter((q) => q.orgId === user?.me?.orgId);
  if (!mine.length) return null;
  return (
    <section className="card queued" aria-labelledby="queued-title">
      <h2 id="queued-title">{t('registration.queueTitle')}</h2>
      <ul className="list">
        {mine.map((q) => (
          <QueuedItem key={q.operationId} q={q} onRestore={onRestore} />
        ))}
      </ul>
    </section>
  );
}

/** "n members" with the plural form of the language (Arabic has six). */
function membersText(t: (k: MessageKey, v?: Record<string, string | number>) => string, lang: string, n: number, shown: string): string {
  const form = pluralForm(lang, n);
  return t(`registration.queuedMembers.${form}`, { count: shown });
}

function QueuedItem({ q, onRestore }: { q: Queued; onRestore: (d: Draft) => boolean }) {
  const { t, lang, num } = useI18n();
  const [busy, setBusy] = useState(false);
  const name = q.head;
  return (
    <li className="list-item" data-state={q.state}>
      <span className="list-title">{name && <PersonName fullName={name.fullName} fullNameEn={name.fullNameEn} />}</span>
      <span className="list-meta">{membersText(t, lang, q.count, num(q.count))}</span>
      {q.state === 'waiting' && <span className="badge badge-warning">{t('registration.waiting')}</span>}
      {q.state === 'sent' && q.householdId && (
        <Alert kind="success">
          {t('registration.sent')} <Link to={{ name: 'household', id: q.householdId }}>{t('registration.openHousehold')}</Link>{' '}
          <button type="button" className="btn btn-small btn-secondary" onClick={() => dismiss(q.operationId)}>
            {t('registration.dismiss')}
          </button>
        </Alert>
      )}
      {q.state === 'refused' && (
        <Alert kind="error">
          {t(q.problem ? `problem.${q.problem}` : 'common.error')}{' '}
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              if (q.draft && onRestore(q.draft)) dismiss(q.operationId);
              setBusy(false);
            }}
          >
            {t('registration.backToDraft')}
          </button>
        </Alert>
      )}
    </li>
  );
}
