// A programme's page: its rules in words, its cycles (open one with a cut-off date, generate its
// entitlement list, see the counts per item, close it).
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type {
  CycleDetail,
  CycleList,
  CycleListItem,
  GenerateView,
  ItemList,
  ProgrammeList,
} from '../../../../src/api/routes/aid/schema.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { can } from '../../access.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { usePlural } from '../household/parts.tsx';
import { ProgrammeForm } from './Programmes.tsx';

type Cycle = z.infer<typeof CycleListItem>;
type Item = z.infer<typeof ItemList>['items'][number];
const today = () => new Date().toISOString().slice(0, 10);

export function ProgrammePage({ id }: { id: string }) {
  const { t, sep } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const data = useLoad(
    () =>
      Promise.all([
        api.get<z.infer<typeof ProgrammeList>>('/api/v1/aid/programmes'),
        api.get<z.infer<typeof CycleList>>('/api/v1/aid/cycles'),
        api.get<z.infer<typeof ItemList>>('/api/v1/aid/items'),
      ]),
    [api, id],
  );
  if (data.error) return <ErrorState error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [progs, cycles, items] = data.data;
  const p = progs.programmes.find((x) => x.id === id);
  if (!p) return <ErrorState error={new Error('not found')} />;
  const mine = cycles.cycles.filter((c) => c.programmeId === id).sort((a, b) => b.number - a.number);
  return (
    <Screen title={p.name} actions={<Link to={{ name: 'programmes' }}>{t('prog.page.back')}</Link>}>
      <p className="muted">
        {t(`prog.sector.${p.sector}` as MessageKey)}
        {sep}
        {plural('prog.rules.count', p.rules.length)}
      </p>
      <section className="card" aria-labelledby="cycles">
        <h2 id="cycles">{t('prog.cycles.title')}</h2>
        {mine.length === 0 && <p className="muted">{t('prog.cycles.empty')}</p>}
        <ul className="list">
          {mine.map((c) => (
            <CycleRow key={c.id} c={c} items={items.items} onChange={data.reload} />
          ))}
        </ul>
      </section>
      <NewCycle programmeId={id} onSaved={data.reload} />
      <ProgrammeForm key={p.id} items={items.items} editing={p} onSaved={data.reload} />
    </Screen>
  );
}

function CycleRow({ c, items, onChange }: { c: Cycle; items: Item[]; onChange: () => void }) {
  const { t, day, num, sep } = useI18n();
  const { api, user } = useSession();
  const plural = usePlural();
  const [done, setDone] = useState<z.infer<typeof GenerateView> | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const detail = useLoad(
    () => (c.status === 'draft' ? Promise.resolve(null) : api.get<z.infer<typeof CycleDetail>>(`/api/v1/aid/cycles/${c.id}`)),
    [api, c.id, c.status],
  );
  async function step(what: 'generate' | 'close') {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<z.infer<typeof GenerateView>>(`/api/v1/aid/cycles/${c.id}/${what}`, {});
      if (what === 'generate') setDone(r);
      onChange();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  const unit = (code: string) => items.find((i) => i.code === code);
  const totals = (detail.data?.totals ?? []).filter((x) => x.governorate === null);
  // one entitlement per household and item: the households of each item add up to the entitlements
  const entitled = totals.reduce((n, x) => n + x.households, 0);
  return (
    <li className="list-item cycle" aria-label={t('prog.cycle.n', { n: c.number })}>
      <span className="list-title">
        {t('prog.cycle.n', { n: c.number })}
        {sep}
        {t(`prog.cycle.status.${c.status}` as MessageKey)}
      </span>
      <span className="muted">
        {t('prog.cycles.cutoff')}: <bdi>{day(c.cutoffDate)}</bdi>
        {c.households !== null && (
          <>
            {sep}
            {t('prog.cycle.snapshot', { households: plural('prog.hh', c.households) })}
          </>
        )}
      </span>
      {done && (
        <Alert kind="success">
          {t('prog.cycle.generated', {
            entitlements: plural('prog.ent', done.entitlements),
            households: plural('prog.hh', done.households),
          })}
        </Alert>
      )}
      {detail.data && <p className="cycle-count">{t('prog.cycle.count', { entitlements: plural('prog.ent', entitled) })}</p>}
      {totals.length > 0 && (
        <ul className="cycle-totals">
          {totals.map((x) => (
            <li key={x.item}>
              <bdi>{unit(x.item)?.name ?? x.item}</bdi>:{' '}
              {t('prog.cycle.totals', { households: plural('prog.hh', x.households), quantity: num(x.quantity) })} <bdi>{x.unit}</bdi>
            </li>
          ))}
        </ul>
      )}
      {error && <Alert kind="error">{t(error)}</Alert>}
      <div className="row">
        {c.status === 'draft' && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void step('generate')}>
            {busy ? t('common.loading') : t('prog.cycle.generate')}
          </button>
        )}
        {c.status === 'generated' && (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void step('close')}>
            {t('prog.cycle.close')}
          </button>
        )}
        {c.status === 'generated' && can(user?.role, 'cycleCards') && (
          <Link to={{ name: 'cycleCards', id: c.id }} className="btn btn-secondary">
            {t('cycleCards.open')}
          </Link>
        )}
      </div>
    </li>
  );
}

function NewCycle({ programmeId, onSaved }: { programmeId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) return setError('common.fixFields');
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/aid/programmes/${programmeId}/cycles`, { cutoffDate: date });
      onSaved();
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-cycle">
      <h2 id="new-cycle">{t('prog.cycles.new')}</h2>
      <TextField
        label={t('prog.cycles.cutoff')}
        hint={t('prog.cycles.cutoffHint')}
        name="cutoffDate"
        type="date"
        max={today()}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      {error && <Alert kind="error">{t(error)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t('prog.cycles.create')}
      </button>
    </form>
  );
}
