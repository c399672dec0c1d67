// "Who read this record": the reads of a record in the change log (who, by username, and when),
// newest first, for the roles that may read the log (administrators on a person's page; auditors
// use the Audit screen's record filter, as they cannot open person pages).
import type { AuditLogPageT } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ErrorState, Loading } from './ui.tsx';
import { useLoad } from './useLoad.ts';

export function RecordReads({ entity, id, after }: { entity: string; id: string; after?: unknown }) {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const reads = useLoad(
    () => api.get<AuditLogPageT>(`/api/v1/audit/log?entity=${entity}&entityId=${id}&action=read&limit=100`),
    [api, entity, id, after],
  );
  return (
    <section className="card" aria-labelledby="record-reads">
      <h2 id="record-reads">{t('audit.entry.recordReads')}</h2>
      {reads.error !== null ? (
        <ErrorState error={reads.error} onRetry={reads.reload} />
      ) : !reads.data ? (
        <Loading />
      ) : reads.data.items.length === 0 ? (
        <p className="muted">{t('audit.reads.empty')}</p>
      ) : (
        <ul className="list record-reads">
          {reads.data.items.map((e) => (
            <li key={e.seq}>
              <Link to={{ name: 'auditEntry', seq: e.seq }} className="list-item">
                <bdi dir="ltr">{e.actorUsername ?? t('audit.unknownUser')}</bdi>
                <time className="list-meta" dateTime={e.at}>
                  {dateTime(e.at)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
