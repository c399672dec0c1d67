// What each role may do in the web app: only what the signed-in role may call is shown. Each
// capability names the API route it needs, and the answer comes from the server's own permission
// matrix (src/shared/permissions.ts): no second table to drift apart. It is read synchronously, so
// the distribution point works offline too.
import { allows, type RouteKey } from '../../src/shared/permissions.ts';
import { type Role, roles } from '../../src/shared/roles.ts';

export const capabilityRoutes = {
  search: 'POST /api/v1/persons/search',
  readPerson: 'GET /api/v1/persons/:id',
  editPerson: 'PUT /api/v1/persons/:id',
  history: 'GET /api/v1/persons/:id/history',
  registerPerson: 'POST /api/v1/persons',
  registerHousehold: 'POST /api/v1/registrations',
  readHousehold: 'GET /api/v1/households/:id',
  displace: 'POST /api/v1/households/:id/displacements',
  dashboard: 'GET /api/v1/stats/governorates',
  sites: 'GET /api/v1/sites/capacity',
  readSite: 'GET /api/v1/sites/:id',
  listSites: 'GET /api/v1/sites',
  checkDuplicates: 'POST /api/v1/duplicates/check',
  distribute: 'GET /api/v1/aid/cycles/:id/manifest',
  reviewDuplicates: 'GET /api/v1/duplicates',
  decideDuplicates: 'POST /api/v1/duplicates/:id/decision',
  aidReach: 'GET /api/v1/stats/reach',
  auditLog: 'GET /api/v1/audit/log',
  exportPersons: 'POST /api/v1/exports/persons',
  exportAggregates: 'POST /api/v1/exports/aggregates',
  manageUsers: 'GET /api/v1/users',
  manageTokens: 'GET /api/v1/tokens',
  addMember: 'POST /api/v1/households/:id/members',
  leaveHousehold: 'POST /api/v1/households/:id/members/:personId/leave',
  changeHead: 'POST /api/v1/households/:id/head',
  splitHousehold: 'POST /api/v1/households/:id/split',
  mergeHousehold: 'POST /api/v1/households/:id/merge',
  recordVulnerability: 'POST /api/v1/households/:id/vulnerabilities',
  endVulnerability: 'POST /api/v1/households/:id/vulnerabilities/end',
  statusEvent: 'POST /api/v1/persons/:id/status-events',
  householdHistory: 'GET /api/v1/households/:id/history',
  linkedRecords: 'GET /api/v1/persons/:id/links',
  householdAid: 'GET /api/v1/households/:id/aid',
  createSite: 'POST /api/v1/sites',
  editSite: 'PUT /api/v1/sites/:id',
  siteResidents: 'GET /api/v1/sites/:id/residents',
  manageProgrammes: 'POST /api/v1/aid/programmes',
  issueCard: 'POST /api/v1/aid/cards',
  revokeCard: 'POST /api/v1/aid/cards/:serial/revoke',
  reprintCard: 'POST /api/v1/aid/cards/:serial/reprint',
  listCards: 'GET /api/v1/aid/cards',
  lifeEvents: 'POST /api/v1/persons/:id/life-events',
  tasks: 'GET /api/v1/tasks',
  myCases: 'GET /api/v1/cases/mine',
  openCase: 'POST /api/v1/cases',
  decideCase: 'POST /api/v1/cases/:id/decision',
  tickets: 'GET /api/v1/tickets',
  managePoints: 'POST /api/v1/aid/points',
  pointHouseholds: 'GET /api/v1/aid/points/:id/households',
  ticketReport: 'GET /api/v1/tickets/report',
  cycleCards: 'POST /api/v1/aid/cycles/:id/cards',
  reviewConflicts: 'GET /api/v1/aid/cycles/:id/reviews',
  decideConflicts: 'POST /api/v1/aid/redemptions/:id/review',
  reconciliation: 'GET /api/v1/aid/cycles/:id/reconciliation',
  readStock: 'GET /api/v1/aid/warehouses',
  recordStock: 'POST /api/v1/aid/stock',
  createWarehouse: 'POST /api/v1/aid/warehouses',
  aidReports: 'POST /api/v1/aid/reports/3w',
  readPlan: 'GET /api/v1/reconstruction/cases/:id/plan',
  openPlan: 'POST /api/v1/reconstruction/cases/:id/plan',
  inspectStage: 'POST /api/v1/reconstruction/cases/:id/inspections',
  releaseTranche: 'POST /api/v1/reconstruction/cases/:id/tranches/:trancheId/release',
  sellMaterials: 'POST /api/v1/reconstruction/sales',
  materialsReconciliation: 'GET /api/v1/reconstruction/materials/reconciliation',
  readPlans: 'GET /api/v1/reconstruction/plans',
} as const satisfies Record<string, RouteKey>;
export type Capability = keyof typeof capabilityRoutes;

const isRole = (r: string): r is Role => (roles as readonly string[]).includes(r);

export function can(role: string | undefined, c: Capability): boolean {
  return role !== undefined && isRole(role) && allows(capabilityRoutes[c], role);
}
