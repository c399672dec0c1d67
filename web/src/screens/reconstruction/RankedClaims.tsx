// A governorate's open joint cases ranked by priority, each score explained field by field (claims
// officers, the committee, administrators); the committee's queue is the same list of verified
// cases. No names here: cases and units; the case page shows the claimants.
import { useState } from 'react';
import { can } from '../../access.ts';
import type { RankedListT } from '../../api/claimTypes.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { GovernorateSelect } from '../../components/GovernorateSelect.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { CaseState, Reasons, ScoreExplained } from './parts.tsx';

export function RankedClaims({ queue }: { queue: boolean }) {
  const { t, num } = useI18n();
  const plural = usePlural();
  const { api, user } = useSession();
  const mine = user?.me?.governorates ?? [];
  const [gov, setGov] = useState<string>(() => (mine.includes('PS0260') ? 'PS0260' : (mine[0] ?? 'PS0260')));
  const list = useLoad(
    () => api.get<RankedListT>(`/api/v1/reconstruction/cases?governorate=${gov}&limit=50${queue ? '&state=verified' : ''}`),
    [gov, queue, api],
  );
  const title = queue ? t('claims.queue') : t('claims.ranked');
  return (
    <Screen title={title}>
      <div className="card">
        <GovernorateSelect label={t('claims.governorate')} name="governorate" value={gov} onChange={setGov} />
        {can(user?.role, 'claimRules') && (
          <p>
            <Link to={{ name: 'claimRules' }}>{t('rules.link')}</Link>
          </p>
        )}
      </div>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('claims.none')}</p>}
      <ol className="list claim-ranked">
        {list.data?.items.map((k) => (
          <li key={k.id} className="card" data-case={k.id}>
            <p>
              <strong>{t('claims.rank', { rank: num(k.rank) })}</strong> · {t('claims.scoreOf', { score: num(k.priorityScore ?? 0) })} ·{' '}
              <CaseState k={k} />
            </p>
            <p>
              <Link to={{ name: 'claimCase', id: k.id }}>{t('claims.unit', { unit: isolate(k.unitNumber), floor: num(k.floor) })}</Link> ·{' '}
              {plural('claims.claimCount', k.claims)}
            </p>
            <Reasons reasons={k.reasons} />
            <details>
              <summary>{t('claims.scoreExplained')}</summary>
              <ScoreExplained lines={k.explanation} score={k.priorityScore} caption={false} />
            </details>
          </li>
        ))}
      </ol>
    </Screen>
  );
}
