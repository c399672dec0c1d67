// The grant plans in the reader's governorates (#16): code, stream, paid of the grant and the next
// stage to inspect, each opening its plan; above them, this month's shelter cash (ShelterCash.tsx). No names.
import { can } from '../../access.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { ShelterCashDue } from './ShelterCash.tsx';
import type { PlanListT } from './tranchesTypes.ts';

export function Plans() {
  const { t, num } = useI18n();
  const { api, user } = useSession();
  const governorate = useGovernorateName();
  const list = useLoad(() => api.get<PlanListT>('/api/v1/reconstruction/plans'), [api]);
  let body = <Loading />;
  if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (list.data && list.data.items.length === 0) body = <p className="muted">{t('tranches.plans.none')}</p>;
  else if (list.data)
    body = (
      <ul className="list">
        {list.data.items.map((p) => (
          <li key={p.caseId} data-plan={p.code}>
            <Link to={{ name: 'tranchePlan', id: p.caseId }}>
              <bdi dir="ltr">{p.code}</bdi>
            </Link>{' '}
            · {t(`tranches.stream.${p.stream}`)} · {governorate(p.governorate)}
            <p className="muted">
              {t('tranches.paid')}: <bdi>{num(p.paid)}</bdi> / <bdi>{num(p.grantAmount)}</bdi>
              {p.nextStage && (
                <>
                  {' · '}
                  {t('tranches.plans.next')}: {t(`tranches.stage.${p.nextStage}`)}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <Screen title={t('tranches.plans.title')}>
      {can(user?.role, 'shelterCashDue') && <ShelterCashDue />}
      {body}
    </Screen>
  );
}
