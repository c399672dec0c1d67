// Reconciliation of a cycle: entitled vs handed out vs dispatched from the warehouses, per item
// (chart and table), per distribution point (table, with its warnings) and per day (chart and
// table), over the points of the reader's governorates. For the roles that see only aggregates,
// small figures read "<5" (withheld by the server).
import type { ReactNode } from 'react';
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

/** A table that scrolls sideways inside its card on a phone. */
function Table({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={caption}>
      <table className="recon-table" data-table={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              {row.cells.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
      <Table
        id="items"
        caption={title}
        head={[
          t('after.recon.item'),
          t('after.recon.entitled'),
          t('after.recon.distributed'),
          t('after.recon.dispatched'),
          t('after.recon.remaining'),
          t('after.recon.outstanding'),
          t('after.recon.households'),
        ]}
        rows={r.totals.map((x) => ({
          key: x.item,
          cells: [
            <bdi key="i">{names.item(x.item)}</bdi>,
            count(x.entitled),
            count(x.distributed),
            count(x.dispatched),
            count(x.remaining),
            count(x.outstanding),
            count(x.redeemedHouseholds),
          ],
        }))}
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
      <Table
        id="points"
        caption={title}
        head={[
          t('after.recon.point'),
          t('after.recon.item'),
          t('after.recon.entitled'),
          t('after.recon.distributed'),
          t('after.recon.dispatched'),
          t('after.recon.remaining'),
          t('after.recon.flags'),
        ]}
        rows={r.points.map((x) => ({
          key: `${x.pointId ?? 'none'}:${x.item}`,
          cells: [
            <bdi key="p">{names.point(x.pointId)}</bdi>,
            <bdi key="i">{names.item(x.item)}</bdi>,
            count(x.entitled),
            count(x.distributed),
            count(x.dispatched),
            count(x.remaining),
            x.flags.map((f) => (
              <span key={f} className="badge badge-warning">
                {t(`after.recon.flag.${f}` as MessageKey)}
              </span>
            )),
          ],
        }))}
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
      <Table
        id="days"
        caption={title}
        head={[
          t('after.recon.day'),
          t('after.recon.item'),
          t('after.recon.distributed'),
          t('after.recon.households'),
          t('after.recon.dispatched'),
        ]}
        rows={r.days.map((x) => ({
          key: `${x.day}:${x.item}`,
          cells: [
            <bdi key="d">{day(x.day)}</bdi>,
            <bdi key="i">{names.item(x.item)}</bdi>,
            count(x.distributed),
            count(x.households),
            count(x.dispatched),
          ],
        }))}
      />
    </section>
  );
}
