// Reconciliation of a cycle: entitled vs handed out vs dispatched from the warehouses, per item
// (chart and table), per distribution point (table, with its warnings) and per day (chart and
// table), over the points of the reader's governorates. For the roles that see only aggregates,
// small figures read "<5" (withheld by the server).
import type { ReactNode } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { GroupedBarChart } from '../../components/GroupedBarChart.tsx';
import { useCount, useWithheldNote } from '../../components/useCount.ts';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { isolate } from '../../serverReasons.ts';
import { useSession } from '../../session.tsx';
import { CyclePicker, type Item, type Point, type ReconciliationT, useCycle } from './parts.tsx';

type Names = { item: (code: string) => string; point: (id: string | null) => string };

export function Reconciliation() {
  const { t } = useI18n();
  const { api } = useSession();
  const { cycles, cycleId, setCycleId, error } = useCycle();
  const recon = useLoad(
    () => (cycleId ? api.get<ReconciliationT>(`/api/v1/aid/cycles/${cycleId}/reconciliation`) : Promise.resolve(null)),
    [api, cycleId],
  );
  const names = useLoad(async () => {
    const [items, points] = await Promise.all([
      api.get<{ items: Item[] }>('/api/v1/aid/items'),
      api.get<{ points: Point[] }>('/api/v1/aid/points'),
    ]);
    return { items: items.items, points: points.points };
  }, [api]);
  const n: Names = {
    item: (code) => names.data?.items.find((i) => i.code === code)?.name ?? code,
    point: (id) => (id === null ? t('after.recon.noPoint') : (names.data?.points.find((p) => p.id === id)?.name ?? id.slice(0, 8))),
  };
  let body: ReactNode;
  if (recon.error) body = <ErrorState error={recon.error} onRetry={recon.reload} />;
  else if (recon.loading || !names.data) body = <Loading />;
  else if (!recon.data || recon.data.totals.length === 0) body = <p className="muted">{t('after.recon.none')}</p>;
  else body = <Figures r={recon.data} names={n} />;
  return (
    <Screen title={t('after.recon.title')}>
      <p>{t('after.recon.intro')}</p>
      {error ? (
        <ErrorState error={error} />
      ) : !cycles ? (
        <Loading />
      ) : (
        <CyclePicker cycles={cycles} cycleId={cycleId} onChange={setCycleId} />
      )}
      {body}
    </Screen>
  );
}

function Figures({ r, names }: { r: ReconciliationT; names: Names }) {
  const note = useWithheldNote();
  const withheld = [...r.points, ...r.totals, ...r.days].some((x) => Object.values(x).includes(null));
  return (
    <>
      {withheld && <p className="muted">{note}</p>}
      <ByItem r={r} names={names} />
      <ByPoint r={r} names={names} />
      <ByDay r={r} names={names} />
    </>
  );
}

function ByItem({ r, names }: { r: ReconciliationT; names: Names }) {
  const { t } = useI18n();
  const count = useCount();
  const title = t('after.recon.byItem');
  return (
    <section className="card" aria-labelledby="recon-items">
      <h2 id="recon-items">{title}</h2>
      <GroupedBarChart
        title={title}
        series={[t('after.recon.entitled'), t('after.recon.distributed'), t('after.recon.dispatched')]}
        rows={r.totals.map((x) => ({
          id: x.item,
          label: names.item(x.item),
          values: [x.entitled, x.distributed, x.dispatched],
          text: t('after.recon.chartText', {
            entitled: isolate(count(x.entitled)),
            distributed: isolate(count(x.distributed)),
            dispatched: isolate(count(x.dispatched)),
            unit: isolate(x.unit),
          }),
        }))}
      />
      <DataTable
        id="items"
        label={title}
        columns={[
          { key: 'item', label: t('after.recon.item'), render: (x) => <bdi>{names.item(x.item)}</bdi> },
          { key: 'entitled', label: t('after.recon.entitled'), numeric: true, render: (x) => count(x.entitled) },
          { key: 'distributed', label: t('after.recon.distributed'), numeric: true, render: (x) => count(x.distributed) },
          { key: 'dispatched', label: t('after.recon.dispatched'), numeric: true, render: (x) => count(x.dispatched) },
          { key: 'remaining', label: t('after.recon.remaining'), numeric: true, render: (x) => count(x.remaining) },
          { key: 'outstanding', label: t('after.recon.outstanding'), numeric: true, render: (x) => count(x.outstanding) },
          { key: 'households', label: t('after.recon.households'), numeric: true, render: (x) => count(x.redeemedHouseholds) },
        ]}
        rows={r.totals}
        rowKey={(x) => x.item}
        rowProps={(x) => ({ 'data-row': x.item })}
      />
    </section>
  );
}

function ByPoint({ r, names }: { r: ReconciliationT; names: Names }) {
  const { t } = useI18n();
  const count = useCount();
  const title = t('after.recon.byPoint');
  return (
    <section className="card" aria-labelledby="recon-points">
      <h2 id="recon-points">{title}</h2>
      <DataTable
        id="points"
        label={title}
        columns={[
          { key: 'point', label: t('after.recon.point'), render: (x) => <bdi>{names.point(x.pointId)}</bdi> },
          { key: 'item', label: t('after.recon.item'), render: (x) => <bdi>{names.item(x.item)}</bdi> },
          { key: 'entitled', label: t('after.recon.entitled'), numeric: true, render: (x) => count(x.entitled) },
          { key: 'distributed', label: t('after.recon.distributed'), numeric: true, render: (x) => count(x.distributed) },
          { key: 'dispatched', label: t('after.recon.dispatched'), numeric: true, render: (x) => count(x.dispatched) },
          { key: 'remaining', label: t('after.recon.remaining'), numeric: true, render: (x) => count(x.remaining) },
          {
            key: 'flags',
            label: t('after.recon.flags'),
            render: (x) =>
              x.flags.map((f) => (
                <span key={f} className="badge badge-warning">
                  {t(`after.recon.flag.${f}` as MessageKey)}
                </span>
              )),
          },
        ]}
        rows={r.points}
        rowKey={(x) => `${x.pointId ?? 'none'}:${x.item}`}
        rowProps={(x) => ({ 'data-row': `${x.pointId ?? 'none'}:${x.item}` })}
      />
    </section>
  );
}

function ByDay({ r, names }: { r: ReconciliationT; names: Names }) {
  const { t, day } = useI18n();
  const count = useCount();
  const title = t('after.recon.byDay');
  if (r.days.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recon-days">
      <h2 id="recon-days">{title}</h2>
      <GroupedBarChart
        title={title}
        series={[t('after.recon.distributed'), t('after.recon.dispatched')]}
        tones={[1, 2]}
        rows={r.days.map((x) => ({
          id: `${x.day}:${x.item}`,
          label: t('after.recon.dayItem', { day: isolate(day(x.day)), item: isolate(names.item(x.item)) }),
          values: [x.distributed, x.dispatched],
          text: t('after.recon.dayText', {
            distributed: isolate(count(x.distributed)),
            dispatched: isolate(count(x.dispatched)),
            unit: isolate(x.unit),
          }),
        }))}
      />
      <DataTable
        id="days"
        label={title}
        columns={[
          { key: 'day', label: t('after.recon.day'), render: (x) => <bdi>{day(x.day)}</bdi> },
          { key: 'item', label: t('after.recon.item'), render: (x) => <bdi>{names.item(x.item)}</bdi> },
          { key: 'distributed', label: t('after.recon.distributed'), numeric: true, render: (x) => count(x.distributed) },
          { key: 'households', label: t('after.recon.households'), numeric: true, render: (x) => count(x.households) },
          { key: 'dispatched', label: t('after.recon.dispatched'), numeric: true, render: (x) => count(x.dispatched) },
        ]}
        rows={r.days}
        rowKey={(x) => `${x.day}:${x.item}`}
        rowProps={(x) => ({ 'data-row': `${x.day}:${x.item}` })}
      />
    </section>
  );
}
