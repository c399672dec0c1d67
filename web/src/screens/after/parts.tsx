// Shared by the after-distribution screens: their API types (from the server's schemas, type-only),
// the cycle they look at (chosen once, kept for the session), numbers in a sentence isolated for
// bidirectional text.
import type { z } from 'zod';
import type {
  CycleList,
  ItemList,
  PointList,
  Reconciliation as ReconciliationSchema,
  ReviewGroups,
  WarehouseList,
  WarehouseStock,
} from '../../../../src/api/routes/aid/schema.ts';
import { newOperationId } from '../../api/client.ts';
import { SelectField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { isolate } from '../../serverReasons.ts';
import { useSession } from '../../session.tsx';
import { useState } from 'react';

export type CycleItem = z.infer<typeof CycleList>['cycles'][number];
export type ReviewGroup = z.infer<typeof ReviewGroups>['groups'][number];
export type ReconciliationT = z.infer<typeof ReconciliationSchema>;
export type Warehouse = z.infer<typeof WarehouseList>['warehouses'][number];
export type Balances = z.infer<typeof WarehouseStock>;
export type Item = z.infer<typeof ItemList>['items'][number];
export type Point = z.infer<typeof PointList>['points'][number];

const KEY = 'sanad.after.cycle';
const remembered = (): string => {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
};

/** The generated or closed cycles, and the one chosen (the last chosen in this session, else the newest). */
export function useCycle(): { cycles: CycleItem[] | undefined; cycleId: string; setCycleId: (id: string) => void; error: unknown } {
  const { api } = useSession();
  const list = useLoad(() => api.get<z.infer<typeof CycleList>>('/api/v1/aid/cycles'), [api]);
  const cycles = list.data?.cycles.filter((c) => c.status !== 'draft');
  const [chosen, setChosen] = useState(remembered);
  const cycleId = cycles?.some((c) => c.id === chosen) ? chosen : (cycles?.[0]?.id ?? '');
  const setCycleId = (id: string) => {
    setChosen(id);
    try {
      sessionStorage.setItem(KEY, id);
    } catch {
      /* private mode */
    }
  };
  return { cycles, cycleId, setCycleId, error: list.error };
}

/** A cycle in words: its programme, number and cut-off date, each isolated (an option cannot hold <bdi>). */
export function useCycleName(): (c: CycleItem) => string {
  const { t, day } = useI18n();
  return (c) => t('after.cycle.option', { programme: isolate(c.programmeName), number: c.number, date: isolate(day(c.cutoffDate)) });
}

export function CyclePicker({ cycles, cycleId, onChange }: { cycles: CycleItem[]; cycleId: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const name = useCycleName();
  if (cycles.length === 0) return <p className="muted">{t('after.cycle.none')}</p>;
  return (
    <SelectField label={t('after.cycle')} name="cycle" value={cycleId} onChange={(e) => onChange(e.target.value)}>
      {cycles.map((c) => (
        <option key={c.id} value={c.id}>
          {name(c)}
        </option>
      ))}
    </SelectField>
  );
}

/** A number inside a sentence, isolated, in the reader's digits. */
export function useIsolatedNumber(): (n: number) => string {
  const { num } = useI18n();
  return (n) => isolate(num(n));
}

/**
 * One operation id per intended write: a retry of the same request (after a lost answer) sends the
 * same id, so the server records it once; another request, or the next one after a success, gets a
 * new id. `keyFor(what, body)` for each request; `succeeded()` once all went through.
 */
export function useOperationKeys(): { keyFor: (what: string, body: unknown) => string; succeeded: () => void } {
  const [keys] = useState(() => new Map<string, { body: string; id: string }>());
  return {
    keyFor: (what, body) => {
      const text = JSON.stringify(body);
      const k = keys.get(what);
      if (k && k.body === text) return k.id;
      const id = newOperationId();
      keys.set(what, { body: text, id });
      return id;
    },
    succeeded: () => keys.clear(),
  };
}
