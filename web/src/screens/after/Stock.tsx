// Stock: the warehouses of the reader's governorates, what each holds per item (received,
// dispatched, returned, lost or damaged, on hand), and for those who handle stock, a new warehouse,
// stock received into the chosen warehouse and stock dispatched from it to a distribution point for
// a cycle. A dispatch larger than what is on hand is refused by the server; the screen says so with
// the quantity on hand.
import { type FormEvent, useState } from 'react';
import { can } from '../../access.ts';
import { ApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Alert, ErrorState, errorKey, FieldErrorList, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { isolate } from '../../serverReasons.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import { problemIdOf } from '../../../../src/shared/problems.ts';
import { today } from '../household/useAction.ts';
import { type Balances, CyclePicker, type Item, type Point, useCycle, useOperationKeys, type Warehouse } from './parts.tsx';

export function Stock() {
  const { t } = useI18n();
  const { api, user } = useSession();
  const list = useLoad(() => api.get<{ warehouses: Warehouse[] }>('/api/v1/aid/warehouses'), [api]);
  const [chosen, setChosen] = useState('');
  const warehouses = list.data?.warehouses ?? [];
  const warehouseId = warehouses.some((w) => w.id === chosen) ? chosen : (warehouses[0]?.id ?? '');
  const balances = useLoad(
    () => (warehouseId ? api.get<Balances>(`/api/v1/aid/warehouses/${warehouseId}/stock`) : Promise.resolve(null)),
    [api, warehouseId],
  );
  const records = can(user?.role, 'recordStock');
  return (
    <Screen title={t('after.stock.title')}>
      <p>{t('after.stock.intro')}</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : warehouses.length === 0 ? (
        <p className="muted">{t('after.stock.noWarehouse')}</p>
      ) : (
        <SelectField label={t('after.stock.warehouse')} name="warehouse" value={warehouseId} onChange={(e) => setChosen(e.target.value)}>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
      )}
      {can(user?.role, 'createWarehouse') && (
        <NewWarehouse
          onCreated={(id) => {
            setChosen(id);
            list.reload();
          }}
        />
      )}
      {warehouseId && <BalanceTable data={balances.data ?? null} error={balances.error} onRetry={balances.reload} />}
      {warehouseId && records && <Movements warehouseId={warehouseId} balances={balances.data ?? null} onRecorded={balances.reload} />}
    </Screen>
  );
}

function BalanceTable({ data, error, onRetry }: { data: Balances | null; error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const items = useLoad(() => api.get<{ items: Item[] }>('/api/v1/aid/items'), [api]);
  const nameOf = (code: string) => items.data?.items.find((i) => i.code === code)?.name ?? code;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!data) return <Loading />;
  return (
    <section className="card" aria-labelledby="stock-balances">
      <h2 id="stock-balances">{t('after.stock.balances')}</h2>
      {data.items.length === 0 ? (
        <p className="muted">{t('after.stock.empty')}</p>
      ) : (
        <DataTable
          className="recon-table stock-balances"
          label={t('after.stock.balances')}
          columns={[
            {
              key: 'item',
              label: t('after.stock.item'),
              render: (i) => (
                <>
                  <bdi>{nameOf(i.item)}</bdi> <bdi className="muted">{i.unit}</bdi>
                </>
              ),
            },
            { key: 'onHand', label: t('after.stock.onHand'), numeric: true },
            { key: 'received', label: t('after.stock.received'), numeric: true },
            { key: 'dispatched', label: t('after.stock.dispatched'), numeric: true },
            { key: 'returned', label: t('after.stock.returned'), numeric: true },
            { key: 'lost', label: t('after.stock.lost'), numeric: true },
          ]}
          rows={data.items}
          rowKey={(i) => i.item}
          rowProps={(i) => ({ 'data-item': i.item })}
        />
      )}
    </section>
  );
}

function NewWarehouse({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const govs = user?.me?.governorates ?? [];
  const [name, setName] = useState('');
  const [governorate, setGovernorate] = useState(govs[0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const ops = useOperationKeys();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = { name: name.trim(), governorate };
    try {
      const w = await api.post<{ id: string }>('/api/v1/aid/warehouses', body, { idempotencyKey: ops.keyFor('warehouse', body) });
      ops.succeeded();
      setName('');
      setOpen(false);
      onCreated(w.id);
    } catch (err) {
      setError(err);
    }
  }
  if (!open)
    return (
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
        {t('after.stock.newWarehouse')}
      </button>
    );
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('after.stock.newWarehouse')}</h2>
      <TextField label={t('after.stock.warehouseName')} name="name" dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField label={t('after.stock.governorate')} value={governorate} onChange={(e) => setGovernorate(e.target.value)}>
        {govs.map((g) => (
          <option key={g} value={g}>
            {govName(g)}
          </option>
        ))}
      </SelectField>
      {error !== null && (
        <Alert kind="error">
          <p>{t(errorKey(error))}</p>
          <FieldErrorList error={error} />
        </Alert>
      )}
      <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
        {t('after.stock.createWarehouse')}
      </button>
    </form>
  );
}

type Kind = 'receipt' | 'dispatch';

/** Stock received and stock dispatched, one form each, for the chosen warehouse. */
function Movements({ warehouseId, balances, onRecorded }: { warehouseId: string; balances: Balances | null; onRecorded: () => void }) {
  const { api } = useSession();
  const refs = useLoad(async () => {
    const [items, points] = await Promise.all([
      api.get<{ items: Item[] }>('/api/v1/aid/items'),
      api.get<{ points: Point[] }>('/api/v1/aid/points'),
    ]);
    return { items: items.items, points: points.points };
  }, [api]);
  const cycle = useCycle();
  if (refs.error) return <ErrorState error={refs.error} onRetry={refs.reload} />;
  if (!refs.data) return <Loading />;
  return (
    <>
      <MovementForm
        kind="receipt"
        warehouseId={warehouseId}
        items={refs.data.items}
        points={[]}
        balances={balances}
        onRecorded={onRecorded}
      />
      <MovementForm
        kind="dispatch"
        warehouseId={warehouseId}
        items={refs.data.items}
        points={refs.data.points}
        balances={balances}
        onRecorded={onRecorded}
        cycle={cycle}
      />
    </>
  );
}

function MovementForm({
  kind,
  warehouseId,
  items,
  points,
  balances,
  onRecorded,
  cycle,
}: {
  kind: Kind;
  warehouseId: string;
  items: Item[];
  points: Point[];
  balances: Balances | null;
  onRecorded: () => void;
  cycle?: ReturnType<typeof useCycle>;
}) {
  const { t, num } = useI18n();
  const { api } = useSession();
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const [pointId, setPointId] = useState(points[0]?.id ?? '');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const ops = useOperationKeys();
  const item = items.find((i) => i.id === itemId);
  const held = balances?.items.find((b) => b.item === item?.code);
  const q = Number(quantity.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));
  const badQuantity = !(q > 0);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setDone(false);
    if (badQuantity || !itemId) return;
    setBusy(true);
    setError(null);
    const body = {
      kind,
      itemId,
      quantity: q,
      warehouseId,
      date,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(kind === 'dispatch' ? { pointId, cycleId: cycle?.cycleId } : {}),
    };
    try {
      await api.post('/api/v1/aid/stock', body, { idempotencyKey: ops.keyFor('stock', body) });
      ops.succeeded();
      setDone(true);
      setQuantity('');
      setNote('');
      setTried(false);
      onRecorded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const notEnough = error instanceof ApiError && problemIdOf(error.problem?.type) === 'not_enough_stock';
  const onHand = { quantity: isolate(num(held?.onHand ?? 0)), unit: isolate(item?.unit ?? '') };
  return (
    <form className="card stock-form" data-kind={kind} onSubmit={submit} noValidate>
      <h2>{t(kind === 'receipt' ? 'after.stock.receive' : 'after.stock.dispatch')}</h2>
      <SelectField label={t('after.stock.item')} name="item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('after.stock.quantity')}
        name="quantity"
        inputMode="decimal"
        maxLength={20}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        hint={kind === 'dispatch' ? t('after.stock.onHandHint', onHand) : undefined}
        error={tried && badQuantity ? t('after.stock.positive') : null}
      />
      {kind === 'dispatch' && (
        <>
          <SelectField label={t('after.stock.point')} name="point" value={pointId} onChange={(e) => setPointId(e.target.value)}>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          {cycle?.cycles && <CyclePicker cycles={cycle.cycles} cycleId={cycle.cycleId} onChange={cycle.setCycleId} />}
        </>
      )}
      <TextField
        label={t('after.stock.date')}
        type="date"
        name="date"
        value={date}
        max={today()}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField label={t('after.stock.note')} name="note" dir="auto" optional value={note} onChange={(e) => setNote(e.target.value)} />
      {error !== null && (
        <Alert kind="error">
          <p>{notEnough ? t('after.stock.notEnough', onHand) : t(errorKey(error))}</p>
          <FieldErrorList error={error} />
        </Alert>
      )}
      {done && <Alert kind="success">{t('after.stock.recorded')}</Alert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t(kind === 'receipt' ? 'after.stock.submitReceive' : 'after.stock.submitDispatch')}
      </button>
    </form>
  );
}
