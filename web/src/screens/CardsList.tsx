// The cards list: the organisation's household cards in the reader's governorates, newest first,
// filtered valid or revoked and, for those who distribute, by cycle; each opens its household's page
// (where it is reprinted or revoked). No personal data: the printed number, dates, the reason.
import { useState } from 'react';
import { can } from '../access.ts';
import { ErrorState, Loading, Screen, SelectField } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { CardNumber, isolate } from '../i18n/bidi.tsx';

type CardItem = {
  serial: number;
  number: string;
  householdId: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
};
type CardPage = { items: CardItem[]; next: number | null };
type Cycle = { id: string; number: number; cutoffDate: string; programmeName: string };

const REASONS = ['lost', 'stolen', 'damaged', 'replaced', 'other'];
const revokedKey = (r: string | null) => `hh.aid.revoked.${REASONS.includes(r ?? '') ? r : 'other'}` as MessageKey;

export function CardsList() {
  const { t, day, sep } = useI18n();
  const { api, user } = useSession();
  const [status, setStatus] = useState('');
  const [cycle, setCycle] = useState('');
  const [pages, setPages] = useState<CardItem[][]>([]);
  const byCycle = can(user?.role, 'distribute');
  const cycles = useLoad(
    () => (byCycle ? api.get<{ cycles: Cycle[] }>('/api/v1/aid/cycles') : Promise.resolve({ cycles: [] })),
    [api, byCycle],
  );
  const query = (before?: number) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (cycle) q.set('cycle', cycle);
    if (before !== undefined) q.set('before', String(before));
    const s = q.toString();
    return api.get<CardPage>(`/api/v1/aid/cards${s ? `?${s}` : ''}`);
  };
  const first = useLoad(() => {
    setPages([]);
    return query();
  }, [api, status, cycle]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const more = next === undefined ? first.data?.next : next;
  async function loadMore() {
    if (more == null) return;
    const p = await query(more);
    setPages((ps) => [...ps, p.items]);
    setNext(p.next);
  }
  const items = [...(first.data?.items ?? []), ...pages.flat()];
  return (
    <Screen title={t('cards.list.title')}>
      <div className="row cards-filters">
        <SelectField label={t('cards.list.status')} value={status} onChange={(e) => (setNext(undefined), setStatus(e.target.value))}>
          <option value="">{t('cards.list.all')}</option>
          <option value="valid">{t('cards.list.valid')}</option>
          <option value="revoked">{t('cards.list.revoked')}</option>
        </SelectField>
        {byCycle && (
          <SelectField label={t('cards.list.cycle')} value={cycle} onChange={(e) => (setNext(undefined), setCycle(e.target.value))}>
            <option value="">{t('cards.list.allCycles')}</option>
            {(cycles.data?.cycles ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {`${isolate(c.programmeName)}${sep}${t('hh.aid.cycle', { number: c.number, date: isolate(day(c.cutoffDate)) })}`}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : first.data ? <CardRows items={items} /> : <Loading />}
      {more != null && (
        <button type="button" className="btn btn-secondary" onClick={loadMore}>
          {t('cards.list.more')}
        </button>
      )}
    </Screen>
  );
}

function CardRows({ items }: { items: CardItem[] }) {
  const { t, dateTime, sep } = useI18n();
  if (items.length === 0) return <p className="muted">{t('cards.list.none')}</p>;
  return (
    <ul className="list cards-list">
      {items.map((c) => (
        <li key={c.serial} className="list-item">
          <span className="list-title">
            <CardNumber number={c.number} />
            {c.revokedAt && <span className="badge badge-warning">{t(revokedKey(c.revokedReason))}</span>}
          </span>
          <span className="list-meta">
            {t('hh.aid.issued', { date: dateTime(c.issuedAt) })}
            {c.revokedAt ? `${sep}${t('hh.aid.revokedOn', { date: dateTime(c.revokedAt) })}` : ''}
          </span>
          <Link to={{ name: 'household', id: c.householdId }} className="btn btn-secondary btn-small">
            {t('cards.list.household')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
