// The routes of reconstruction tranches and materials (#16).
import type { RouteDef } from '../../../route.ts';
import inspection from './inspection.ts';
import planCreate from './planCreate.ts';
import planGet from './planGet.ts';
import plans from './plans.ts';
import quota from './quota.ts';
import reconciliation from './reconciliation.ts';
import release from './release.ts';
import sale from './sale.ts';
import saleItems from './saleItems.ts';
import shelterDue from './shelterDue.ts';
import shelterPay from './shelterPay.ts';
import vendor from './vendor.ts';

export const trancheRoutes: RouteDef[] = [
  planCreate,
  planGet,
  inspection,
  release,
  quota,
  vendor,
  sale,
  reconciliation,
  plans,
  shelterDue,
  shelterPay,
  saleItems,
];
