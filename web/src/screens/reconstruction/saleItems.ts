// The items a vendor may sell (GET /api/v1/reconstruction/sale-items: the catalogue's materials a
// plan's quota takes), kept on the phone after each answer so that the sale screen offers them
// offline too (sales wait in the outbox, saleOutbox.ts). The catalogue only: no personal data.
import type { Api } from '../../api/client.ts';
import { NetworkError } from '../../api/client.ts';
import type { SaleItemT } from './tranchesTypes.ts';

const KEY = 'sanad.saleItems';

function cached(): SaleItemT[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    return Array.isArray(v) ? (v as SaleItemT[]) : null;
  } catch {
    return null;
  }
}

/** The items from the server, else (offline) the last list the phone was given. */
export async function loadSaleItems(api: Api): Promise<SaleItemT[]> {
  try {
    const r = await api.get<{ items: SaleItemT[] }>('/api/v1/reconstruction/sale-items');
    localStorage.setItem(KEY, JSON.stringify(r.items));
    return r.items;
  } catch (e) {
    const last = e instanceof NetworkError ? cached() : null;
    if (last) return last;
    throw e;
  }
}
