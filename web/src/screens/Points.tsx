// Distribution points and warehouses: the lists (within the reader's governorates, as the API
// keeps them), a new point (serving a site, or its governorate at large) and a new warehouse; a
// point's page lists the households it serves in a cycle, with the head's name and size (a read
// the server logs), a page at a time. For those who run distributions (administrator, distribution
// officer).
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { CycleListItem, PlaceView, PointHouseholdsView, PointList, WarehouseList } from '../../../src/api/routes/aid/schema.ts';
import type { SiteListView } from '../../../src/api/routes/sites/schema.ts';
import { can } from '../access.ts';
import { Alert, ErrorState, errorKey, Loading, PersonName, Screen, SelectField, TextField } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { isolate } from '../i18n/bidi.tsx';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { usePlural } from './household/parts.tsx';

type Place = z.infer<typeof PlaceView>;
type Site = z.infer<typeof SiteListView>['sites'][number];
type Cycle = z.infer<typeof CycleListItem>;
type Households = z.infer<typeof PointHouseholdsView>;

export function Points() {
  const { t } = useI18n();
  const { api, user } = useSession();
  const points = useLoad(() => api.get<z.infer<typeof PointList>>('/api/v1/aid/points'), [api]);
  const warehouses = useLoad(() => api.get<z.infer<typeof WarehouseList>>('/api/v1/aid/warehouses'), [api]);
  const sites = useLoad(
    () => (can(user?.role, 'listSites') ? api.get<z.infer<typeof SiteListView>>('/api/v1/sites') : Promise.resolve({ sites: [] })),
    [api],
  );
  const error = points.error ?? warehouses.error ?? sites.error;
  if (error) return <ErrorState error={error} onRetry={() => (points.reload(), warehouses.reload(), sites.reload())} />;
  if (!points.data || !warehouses.data || !sites.data) return <Loading />;
  return (
    <Screen title={t('point.title')}>
      <section className="card" aria-labelledby="points-list">
        <h2 id="points-list">{t('point.list.title')}</h2>
        <p className="hint">{t('point.assignHint')}</p>
        {points.data.points.length === 0 && <p className="muted">{t('point.list.empty')}</p>}
        <ul className="list points-list">
          {points.data.points.map((p) => (
            <li key={p.id}>
              <PointLine p={p} sites={sites.data!.sites} />
            </li>
          ))}
        </ul>
      </section>
      <NewPlace kind="point" sites={sites.data.sites} onSaved={points.reload} />
      <section className="card" aria-labelledby="warehouses-list">
        <h2 id="warehouses-list">{t('point.wh.title')}</h2>
        {warehouses.data.warehouses.length === 0 && <p className="muted">{t('point.wh.empty')}</p>}
        <ul className="list warehouses-list">
          {warehouses.data.warehouses.map((w) => (
            <li key={w.id} className="list-item">
              <bdi className="list-title">{w.name}</bdi>
              <span className="list-meta muted">
                <GovName pcode={w.governorate} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <NewPlace kind="warehouse" sites={[]} onSaved={warehouses.reload} />
    </Screen>
  );
}

function GovName({ pcode }: { pcode: string }) {
  return <bdi>{useGovernorateName()(pcode)}</bdi>;
}

function PointLine({ p, sites }: { p: Place; sites: Site[] }) {
  const { t, sep } = useI18n();
  const site = p.siteId ? sites.find((s) => s.id === p.siteId) : undefined;
  const serves = p.siteId ? t('point.servesSite', { site: isolate(site?.name ?? '—') }) : t('point.servesGovernorate');
  const body = (
    <>
      <bdi className="list-title">{p.name}</bdi>
      <span className="list-meta muted">
        <GovName pcode={p.governorate} />
        {sep}
        {serves}
      </span>
    </>
  );
  return (
    <Link to={{ name: 'point', id: p.id }} className="list-item">
      {body}
    </Link>
  );
}

/** A new distribution point (with the site it serves, if any) or a new warehouse, in one of the reader's governorates. */
function NewPlace({ kind, sites, onSaved }: { kind: 'point' | 'warehouse'; sites: Site[]; onSaved: () => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const governorates = user?.me?.governorates ?? [];
  const [name, setName] = useState('');
  const [governorate, setGovernorate] = useState(governorates[0] ?? '');
  const [siteId, setSiteId] = useState('');
  const [touched, setTouched] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; key: MessageKey } | null>(null);
  const [busy, setBusy] = useState(false);
  const point = kind === 'point';
  const here = sites.filter((s) => s.governorate === governorate && s.status !== 'closed');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!name.trim() || !governorate) return setMsg({ kind: 'error', key: 'common.fixFields' });
    setBusy(true);
    try {
      const body = { name: name.trim(), governorate, ...(point && siteId ? { siteId } : {}) };
      await api.post(point ? '/api/v1/aid/points' : '/api/v1/aid/warehouses', body);
      setName('');
      setSiteId('');
      setTouched(false);
      setMsg({ kind: 'success', key: point ? 'point.created' : 'point.wh.created' });
      onSaved();
    } catch (err) {
      setMsg({ kind: 'error', key: errorKey(err) });
    } finally {
      setBusy(false);
    }
  }
  const id = point ? 'new-point' : 'new-warehouse';
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={id}>
      <h2 id={id}>{t(point ? 'point.new' : 'point.wh.new')}</h2>
      <TextField
        label={t(point ? 'point.name' : 'point.wh.name')}
        name={point ? 'pointName' : 'warehouseName'}
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={touched && !name.trim() ? t('valid.required') : null}
      />
      <SelectField
        label={t('point.governorate')}
        name={point ? 'pointGovernorate' : 'warehouseGovernorate'}
        value={governorate}
        onChange={(e) => (setGovernorate(e.target.value), setSiteId(''))}
      >
        {governorates.map((g) => (
          <option key={g} value={g}>
            {govName(g)}
          </option>
        ))}
      </SelectField>
      {point && (
        <SelectField label={t('point.site')} name="pointSite" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="">{t('point.site.none')}</option>
          {here.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      )}
      {msg && <Alert kind={msg.kind}>{t(msg.key)}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : t(point ? 'point.create' : 'point.wh.create')}
      </button>
    </form>
  );
}

/** A point: the households it serves in a cycle (head's name and size, what they received), a page at a time. */
export function PointPage({ id }: { id: string }) {
  const { t, day, sep } = useI18n();
  const { api } = useSession();
  const points = useLoad(() => api.get<z.infer<typeof PointList>>('/api/v1/aid/points'), [api]);
  const cycles = useLoad(() => api.get<{ cycles: Cycle[] }>('/api/v1/aid/cycles'), [api]);
  const [cycleId, setCycleId] = useState('');
  const usable = (cycles.data?.cycles ?? []).filter((c) => c.status !== 'draft');
  useEffect(() => {
    if (!cycleId && usable[0]) setCycleId(usable[0].id);
  }, [cycleId, usable]);
  const error = points.error ?? cycles.error;
  if (error) return <ErrorState error={error} onRetry={() => (points.reload(), cycles.reload())} />;
  if (!points.data || !cycles.data) return <Loading />;
  const p = points.data.points.find((x) => x.id === id);
  if (!p) return <ErrorState error={new Error('not found')} />;
  return (
    <Screen title={p.name}>
      <p className="muted">
        <Link to={{ name: 'points' }}>{t('point.list.title')}</Link>
        {sep}
        <GovName pcode={p.governorate} />
      </p>
      <section className="card" aria-labelledby="point-households">
        <h2 id="point-households">{t('point.hh.title')}</h2>
        {usable.length === 0 ? (
          <p className="muted">{t('point.hh.noCycles')}</p>
        ) : (
          <>
            <SelectField label={t('point.hh.cycle')} name="pointCycle" value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('distribution.prepare.cycleOption', {
                    programme: isolate(c.programmeName),
                    number: c.number,
                    date: isolate(day(c.cutoffDate)),
                  })}
                </option>
              ))}
            </SelectField>
            <p className="hint">{t('point.hh.logged')}</p>
            {cycleId && <HouseholdPages key={cycleId} pointId={id} cycleId={cycleId} />}
          </>
        )}
      </section>
    </Screen>
  );
}

function HouseholdPages({ pointId, cycleId }: { pointId: string; cycleId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const [offset, setOffset] = useState(0);
  const page = useLoad(
    () => api.get<Households>(`/api/v1/aid/points/${pointId}/households?cycle=${cycleId}&offset=${offset}`),
    [api, pointId, cycleId, offset],
  );
  if (page.error) return <ErrorState error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  const d = page.data;
  const to = d.offset + d.households.length;
  return (
    <>
      <p className="big point-hh-count">{plural('point.hh.count', d.total)}</p>
      {d.total === 0 && <p className="muted">{t('point.hh.empty')}</p>}
      {d.total > d.pageSize && <p className="muted">{t('point.hh.shown', { from: d.offset + 1, to })}</p>}
      <ul className="list point-households">
        {d.households.map((h) => (
          <HouseholdLine key={h.householdId} h={h} />
        ))}
      </ul>
      <div className="row">
        {d.offset > 0 && (
          <button type="button" className="btn btn-secondary" onClick={() => setOffset(Math.max(0, d.offset - d.pageSize))}>
            {t('point.hh.previous')}
          </button>
        )}
        {to < d.total && (
          <button type="button" className="btn btn-secondary" onClick={() => setOffset(to)}>
            {t('point.hh.more')}
          </button>
        )}
      </div>
    </>
  );
}

function HouseholdLine({ h }: { h: Households['households'][number] }) {
  const { t, sep, digitsOf } = useI18n();
  const { user } = useSession();
  const plural = usePlural();
  const body = (
    <>
      <span className="list-title">{h.headName ? <PersonName fullName={h.headName} /> : t('point.hh.noHead')}</span>
      <span className="list-meta muted">
        {plural('hh.members', h.size)}
        {sep}
        {t('point.hh.received', { received: h.received, entitlements: h.entitlements })}
        {sep}
        {t(h.card ? 'point.hh.card' : 'point.hh.noCard')}
        {h.recordId && (
          <>
            {sep}
            {t('point.hh.record', { id: isolate(digitsOf(h.recordId)) })}
          </>
        )}
      </span>
    </>
  );
  return (
    <li>
      {can(user?.role, 'readHousehold') ? (
        <Link to={{ name: 'household', id: h.householdId }} className="list-item">
          {body}
        </Link>
      ) : (
        <div className="list-item">{body}</div>
      )}
    </li>
  );
}
