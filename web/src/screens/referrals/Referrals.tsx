// Referrals in (to my organisation, showing only what the consent shares) and out (from the cases I
// may see, with their status and outcome). Each list read is logged by the server.
import type { ReferralListT } from '../../api/referralTypes.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ReferralSummary } from './parts.tsx';

function ReferralList({ side }: { side: 'in' | 'out' }) {
  const { t } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<ReferralListT>(`/api/v1/referrals/${side}`), [api, side]);
  return (
    <section aria-labelledby={`ref-${side}`} data-testid={`referrals-${side}`}>
      <h2 id={`ref-${side}`}>{t(side === 'in' ? 'ref.list.in' : 'ref.list.out')}</h2>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t(side === 'in' ? 'ref.list.noneIn' : 'ref.list.noneOut')}</p>
      ) : (
        <ul className="list">
          {list.data.items.map((r) => (
            <li key={r.id} className="card case-item">
              <ReferralSummary r={r} />
              <Link to={{ name: 'referral', id: r.id }} className="btn btn-primary">
                {t('ref.list.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Referrals() {
  const { t } = useI18n();
  return (
    <Screen title={t('ref.list.title')}>
      <ReferralList side="in" />
      <ReferralList side="out" />
    </Screen>
  );
}
