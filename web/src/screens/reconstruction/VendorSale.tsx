// The vendor's sale screen (#16): the case code, the item and the quantity; the sale is kept on the
// phone first and sent once (saleOutbox.ts), at once when online, else when the connection returns.
// Each recorded sale shows whether it waits, was applied (with what remains) or was refused (beyond
// the quota: naming the item and what remains). The items offered are those a plan's quota takes
// from the materials catalogue (saleItems.ts), named in the reader's language.
import { useCallback, useEffect, useState } from 'react';
import { PLAN_CODE } from '../../../../src/shared/tranches.ts';
import type { ProblemId } from '../../../../src/shared/problems.ts';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useItemName } from './parts.tsx';
import { loadSaleItems } from './saleItems.ts';
import { allSales, type LocalSale, recordSale, syncSales } from './saleOutbox.ts';
import type { SaleItemT } from './tranchesTypes.ts';

/** An item's name as the plan and the reconciliation name it (useItemName); an item they do not name, by the catalogue. */
function useSaleItemName(items: readonly SaleItemT[] | undefined): (code: string) => string {
  const { lang } = useI18n();
  const named = useItemName();
  return (code) => {
    const n = named(code);
    const i = n === code ? items?.find((x) => x.code === code) : undefined;
    return i ? (lang === 'ar' ? i.nameAr : i.nameEn) : n;
  };
}

export function VendorSale() {
  const { t } = useI18n();
  const { api } = useSession();
  const catalogue = useLoad(() => loadSaleItems(api), [api]);
  const name = useSaleItemName(catalogue.data);
  const [code, setCode] = useState('');
  const [chosen, setItem] = useState('');
  const item = catalogue.data?.some((i) => i.code === chosen) ? chosen : (catalogue.data?.[0]?.code ?? '');
  const [quantity, setQuantity] = useState('');
  const [sales, setSales] = useState<LocalSale[]>([]);
  const [invalid, setInvalid] = useState<'code' | 'quantity' | null>(null);
  const refresh = useCallback(async () => setSales(await allSales()), []);
  const sync = useCallback(async () => {
    await syncSales(api);
    await refresh();
  }, [api, refresh]);
  useEffect(() => {
    void sync();
    const online = () => void sync();
    addEventListener('online', online);
    return () => removeEventListener('online', online);
  }, [sync]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    const q = Number(quantity.replace(',', '.'));
    if (!PLAN_CODE.test(c)) return setInvalid('code');
    if (!(q > 0)) return setInvalid('quantity');
    if (!item) return;
    setInvalid(null);
    await recordSale({ code: c, item, quantity: q });
    setQuantity('');
    await refresh();
    await sync();
  }
  return (
    <Screen title={t('tranches.sale.title')} narrow>
      <p>{t('tranches.sale.intro')}</p>
      <form className="card" onSubmit={submit}>
        <TextField
          label={t('tranches.sale.code')}
          value={code}
          autoComplete="off"
          dir="ltr"
          error={invalid === 'code' ? t('reason.wrong_form') : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        {catalogue.error ? (
          <ErrorState error={catalogue.error} onRetry={catalogue.reload} />
        ) : !catalogue.data ? (
          <Loading />
        ) : (
          <SelectField label={t('tranches.sale.item')} value={item} onChange={(e) => setItem(e.target.value)}>
            {catalogue.data.map((i) => (
              <option key={i.code} value={i.code}>
                {name(i.code)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('tranches.sale.quantity')}
          inputMode="decimal"
          value={quantity}
          error={invalid === 'quantity' ? t('reason.too_small', { min: '0' }) : undefined}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={!item}>
          {t('tranches.sale.record')}
        </button>
      </form>
      <section className="card" aria-labelledby="sales-recent">
        <h2 id="sales-recent">{t('tranches.sale.recent')}</h2>
        {sales.some((s) => s.state === 'waiting') && (
          <button type="button" className="btn btn-secondary" onClick={() => void sync()}>
            {t('tranches.sale.sync')}
          </button>
        )}
        {sales.length === 0 ? <p className="muted">{t('tranches.sale.none')}</p> : <SaleList sales={sales} name={name} />}
      </section>
    </Screen>
  );
}

function SaleList({ sales, name }: { sales: LocalSale[]; name: (code: string) => string }) {
  const { t, num } = useI18n();
  return (
    <ul className="list">
      {sales.slice(0, 30).map((s) => (
        <li key={s.id} data-sale-state={s.state}>
          <bdi dir="ltr">{s.code}</bdi> · {name(s.item)} · <bdi>{num(s.quantity)}</bdi>
          {s.state === 'waiting' && <p className="muted">{t('tranches.sale.waiting')}</p>}
          {s.state === 'applied' && <p>{t('tranches.sale.applied', { remaining: num(s.remaining ?? 0) })}</p>}
          {s.state === 'refused' && (
            <Alert kind="error">
              {s.problem === 'sale_beyond_quota'
                ? t('tranches.sale.beyond', { item: name(s.item), remaining: num(s.remaining ?? 0) })
                : `${t('tranches.sale.refused')}: ${t(`problem.${s.problem as ProblemId}` as MessageKey)}`}
            </Alert>
          )}
        </li>
      ))}
    </ul>
  );
}
