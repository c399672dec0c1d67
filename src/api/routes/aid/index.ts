// Aid routes: items, programmes, cycles and entitlements, cards and keys, offline sync and
// redemption, conflicts, stock and reconciliation, reports.
import type { RouteDef } from '../../route.ts';
import checkCard from './cards.check.ts';
import issueCard from './cards.issue.ts';
import revokeCard from './cards.revoke.ts';
import reprintCard from './cards.reprint.ts';
import listCards from './cards.list.ts';
import listConflicts from './conflicts.list.ts';
import reviewConflict from './conflicts.review.ts';
import closeCycle from './cycles.close.ts';
import createCycle from './cycles.create.ts';
import generateCycle from './cycles.generate.ts';
import getCycle from './cycles.get.ts';
import listCycles from './cycles.list.ts';
import cycleManifest from './cycles.manifest.ts';
import createItem from './items.create.ts';
import listItems from './items.list.ts';
import listKeys from './keys.list.ts';
import retireKey from './keys.retire.ts';
import rotateKey from './keys.rotate.ts';
import createPoint from './places.point.ts';
import listPoints from './places.points.ts';
import createWarehouse from './places.warehouse.ts';
import createProgramme from './programmes.create.ts';
import previewRules from './programmes.preview.ts';
import listProgrammes from './programmes.list.ts';
import setRules from './programmes.rules.ts';
import reconciliation from './reconciliation.ts';
import redeem from './redeem.ts';
import reach from './reports.reach.ts';
import threeW from './reports.threeW.ts';
import stock from './stock.ts';
import sync from './sync.ts';
import warehouseStock from './warehouses.stock.ts';
import listWarehouses from './places.warehouses.ts';
import pointHouseholds from './places.pointHouseholds.ts';
import cycleCards from './cycles.cards.ts';
import issueCycleCards from './cycles.cards.issue.ts';
import cycleCardSheet from './cycles.cards.sheet.ts';
import reviewGroups from './conflicts.groups.ts';
import threeWFile from './reports.threeWFile.ts';
import cashReport from './reports.cash.ts';

export const aidRoutes: RouteDef[] = [
  createItem,
  listItems,
  createProgramme,
  listProgrammes,
  setRules,
  createCycle,
  listCycles,
  getCycle,
  generateCycle,
  closeCycle,
  cycleManifest,
  createWarehouse,
  createPoint,
  listPoints,
  issueCard,
  revokeCard,
  checkCard,
  listKeys,
  rotateKey,
  retireKey,
  sync,
  redeem,
  listConflicts,
  reviewConflict,
  stock,
  warehouseStock,
  reconciliation,
  reach,
  threeW,
  previewRules,
  reprintCard,
  listCards,
  listWarehouses,
  pointHouseholds,
  cycleCards,
  issueCycleCards,
  cycleCardSheet,
  reviewGroups,
  threeWFile,
  cashReport,
];
