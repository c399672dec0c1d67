// A governorate's decided joint cases, the latest decision first (committee, claims officers,
// administrators): where a decision is looked up when a household asks about it, and where the review
// of a rejected case starts. No names: cases and units; the case page shows the claimants.
import { useState } from 'react';
import type { DecidedListT } from '../../api/claimTypes.ts';
import { ErrorState, Loading, Screen, SelectField } from '../../components/ui.tsx';
import { GovernorateSelect } from '../../components/GovernorateSelect.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { CaseState } from './parts.tsx';

const decisions = ['', 'rejected', 'approved'] as const;

export function DecidedClaims() {
  const { t, num, dateTime } = useI18n();
  const plural = usePlural();
  const { api, user } = useSession();
  const mine = user?.me?.governorates ?? [];
  const [gov, setGov] = useState<string>(() => (mine.includes('PS0260') ? 'PS0260' : (mine[0] ?? 'PS0260')));
  const [state, setState] = useState<(typeof decisions)[number]>('');
  const list = useLoad(
    () => api.get<DecidedListT>(`/api/v1/reconstruction/decided-cases?governorate=${gov}&limit=50${state ? `&state=${state}` : ''}`),
    [gov, state, api],
  );
  return (
    <Screen title={t('decided.title')}>
      <div className="card">
        <p className="muted">{t('decided.intro')}</p>
        <GovernorateSelect label={t('claims.governorate')} name="governorate" value={gov} onChange={setGov} />
        <SelectField
          label={t('decided.state')}
          name="decision"
          value={state}
          onChange={(e) => setState(e.target.value as (typeof decisions)[number])}
        >
          {decisions.map((d) => (
            <option key={d} value={d}>
              {d ? t(`claims.step.${d}` as MessageKey) : t('decided.state.all')}
            </option>
          ))}
        </SelectField>
      </div>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('decided.none')}</p>}
      <ol className="list claim-decided">
        {list.data?.items.map((k) => (
          <li key={k.id} className="card" data-case={k.id}>
            <p>
              <CaseState k={k} /> · {k.decidedAt ? t('decided.decidedOn', { date: dateTime(k.decidedAt) }) : null}
            </p>
            <p>
              <Link to={{ name: 'claimCase', id: k.id }}>{t('claims.unit', { unit: isolate(k.unitNumber), floor: num(k.floor) })}</Link> ·{' '}
              {plural('claims.claimCount', k.claims)}
            </p>
            {k.grantAmount !== null && k.stream && (
              <p>{t('claims.grant', { amount: num(k.grantAmount), stream: t(`claims.stream.${k.stream}` as MessageKey) })}</p>
            )}
            {k.decisionReason && (
              <p className="muted" dir="auto">
                {k.decisionReason}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Screen>
  );
}
