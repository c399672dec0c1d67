// "My cases": the open cases assigned to me, the most urgent first; a supervisor also sees the cases
// of their governorates waiting for a decision or for someone to be assigned.
import type { CaseListT } from '../../api/types.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { CaseSummary } from './parts.tsx';

export function MyCases() {
  const { t } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<CaseListT>('/api/v1/cases/mine'), [api]);
  return (
    <Screen title={t('cases.mine')}>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('cases.none')}</p>
      ) : (
        <ul className="list">
          {list.data.items.map((c) => (
            <li key={c.id} className="card case-item">
              <CaseSummary c={c} />
              <Link to={{ name: 'case', id: c.id }} className="btn btn-primary">
                {t('cases.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
