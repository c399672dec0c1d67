// "Also registered as": the records identity resolution linked to this person (by a reviewer's
// decision, automatically, or through another record), each a link to its page.
import type { LinkedListT } from '../api/householdTypes.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { ErrorState, PersonName } from './ui.tsx';
import { useLoad } from './useLoad.ts';

export function LinkedRecords({ id }: { id: string }) {
  const { t, day, sep } = useI18n();
  const { api } = useSession();
  const govName = useGovernorateName();
  const links = useLoad(() => api.get<LinkedListT>(`/api/v1/persons/${id}/links`), [id, api]);
  if (links.error) return <ErrorState error={links.error} onRetry={links.reload} />;
  if (!links.data) return null;
  return (
    <section className="card" aria-labelledby="linked-title">
      <h2 id="linked-title">{t('hh.linked.title')}</h2>
      {links.data.items.length === 0 ? (
        <p className="muted">{t('hh.linked.none')}</p>
      ) : (
        <ul className="list">
          {links.data.items.map((l) => (
            <li key={l.person.id}>
              <Link to={{ name: 'person', id: l.person.id }} className="list-item">
                <span className="list-title">
                  <PersonName fullName={l.person.fullName} fullNameEn={l.person.fullNameEn} />
                </span>
                <span className="list-meta">
                  {l.person.dateOfBirth ? `${day(l.person.dateOfBirth, l.person.dobPrecision ?? 'exact')}${sep}` : ''}
                  {govName(l.person.governorate)}
                  {sep}
                  {t(l.kind === 'decision' ? 'hh.linked.decision' : l.kind === 'auto' ? 'hh.linked.auto' : 'hh.linked.through')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
