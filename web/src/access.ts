// What each role may do in the web app: only what the signed-in role may see is shown.
// Each capability names the API route it needs; test/e2e/capabilities.test.ts checks this table
// against the server's permission matrix, so the two cannot drift apart.
export const roleNames = [
  'administrator',
  'registration_officer',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'analyst',
  'auditor',
] as const;
export type RoleName = (typeof roleNames)[number];

export const capabilityRoutes = {
  search: 'POST /api/v1/persons/search',
  readPerson: 'GET /api/v1/persons/:id',
  history: 'GET /api/v1/persons/:id/history',
  registerPerson: 'POST /api/v1/persons',
  registerHousehold: 'POST /api/v1/households',
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
} as const;
export type Capability = keyof typeof capabilityRoutes;

const READ: RoleName[] = ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer'];
const WRITE: RoleName[] = ['administrator', 'registration_officer', 'caseworker'];
const SITES: RoleName[] = ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'];

export const capabilities: Record<Capability, readonly RoleName[]> = {
  search: READ,
  readPerson: READ,
  history: ['administrator', 'registration_officer', 'caseworker', 'auditor'],
  registerPerson: WRITE,
  registerHousehold: WRITE,
  readHousehold: READ,
  displace: ['administrator', 'registration_officer', 'caseworker', 'site_manager'],
  dashboard: ['administrator', 'analyst', 'caseworker', 'site_manager', 'distribution_officer', 'registration_officer'],
  sites: SITES,
  readSite: SITES,
  listSites: SITES,
  checkDuplicates: WRITE,
  distribute: ['administrator', 'distribution_officer'],
  reviewDuplicates: ['administrator', 'caseworker'],
  decideDuplicates: ['administrator', 'caseworker'],
  aidReach: ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
};

export function can(role: string | undefined, c: Capability): boolean {
  return role !== undefined && (capabilities[c] as readonly string[]).includes(role);
}
