// The app's screens as routes, and their paths both ways (no React: tested in test/web/router.test.ts).
export type Route =
  | { name: 'home' }
  | { name: 'search' }
  | { name: 'register' }
  | { name: 'dashboard' }
  | { name: 'sites' }
  | { name: 'site'; id: string }
  | { name: 'person'; id: string }
  | { name: 'editPerson'; id: string }
  | { name: 'household'; id: string }
  | { name: 'move'; id: string }
  | { name: 'distribution' }
  | { name: 'review' }
  | { name: 'reviewPair'; id: string }
  | { name: 'account' }
  | { name: 'audit' }
  | { name: 'auditEntry'; seq: number }
  | { name: 'exports' }
  | { name: 'users' }
  | { name: 'user'; id: string }
  | { name: 'tokens' }
  | { name: 'programmes' }
  | { name: 'programme'; id: string }
  | { name: 'notFound' }
  | { name: 'cards' }
  | { name: 'tasks' }
  | { name: 'task'; id: string }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'tickets' }
  | { name: 'ticket'; id: string }
  | { name: 'points' }
  | { name: 'point'; id: string }
  | { name: 'ticketReport' }
  | { name: 'cycleCards'; id: string }
  | { name: 'conflicts' }
  | { name: 'reconciliation' }
  | { name: 'stock' }
  | { name: 'reports' }
  | { name: 'services' }
  | { name: 'referrals' }
  | { name: 'referral'; id: string }
  | { name: 'corrections' }
  | { name: 'projects' }
  | { name: 'newProject' }
  | { name: 'project'; id: string }
  | { name: 'editProject'; id: string }
  | { name: 'deathList' }
  | { name: 'fieldAssessment' }
  | { name: 'buildingAssessments'; id: string }
  | { name: 'buildings' }
  | { name: 'building'; id: string }
  | { name: 'damageImport' }
  | { name: 'claimNew' }
  | { name: 'claimCase'; id: string }
  | { name: 'claimsRanked' }
  | { name: 'claimsQueue' }
  | { name: 'claimsDecided' }
  | { name: 'tranchePlan'; id: string }
  | { name: 'vendorSale' }
  | { name: 'materials' }
  | { name: 'plans' }
  | { name: 'claimRules' }
  | { name: 'reconDashboard' }
  | { name: 'cashReport' };

const ID = '([0-9a-fA-F-]{36})';
const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/life-events\/death-list\/?$/, () => ({ name: 'deathList' })],
  [/^\/field-assessment\/?$/, () => ({ name: 'fieldAssessment' })],
  [/^\/reconstruction\/buildings\/?$/, () => ({ name: 'buildings' })],
  [new RegExp(`^/reconstruction/buildings/${ID}/?$`), (m) => ({ name: 'building', id: m[1]! })],
  [/^\/reconstruction\/damage-imports\/?$/, () => ({ name: 'damageImport' })],
  [/^\/reconstruction\/claims\/new\/?$/, () => ({ name: 'claimNew' })],
  [new RegExp(`^/reconstruction/cases/${ID}/?$`), (m) => ({ name: 'claimCase', id: m[1]! })],
  [/^\/reconstruction\/cases\/?$/, () => ({ name: 'claimsRanked' })],
  [/^\/reconstruction\/queue\/?$/, () => ({ name: 'claimsQueue' })],
  [/^\/reconstruction\/decided\/?$/, () => ({ name: 'claimsDecided' })],
  [new RegExp(`^/reconstruction/cases/${ID}/plan/?$`), (m) => ({ name: 'tranchePlan', id: m[1]! })],
  [/^\/reconstruction\/sales\/?$/, () => ({ name: 'vendorSale' })],
  [/^\/reconstruction\/materials\/?$/, () => ({ name: 'materials' })],
  [/^\/reconstruction\/plans\/?$/, () => ({ name: 'plans' })],
  [/^\/reconstruction\/dashboard\/?$/, () => ({ name: 'reconDashboard' })],
  [new RegExp(`^/buildings/${ID}/assessments/?$`), (m) => ({ name: 'buildingAssessments', id: m[1]! })],
  [/^\/?$/, () => ({ name: 'home' })],
  [/^\/search\/?$/, () => ({ name: 'search' })],
  [/^\/register\/?$/, () => ({ name: 'register' })],
  [/^\/dashboard\/?$/, () => ({ name: 'dashboard' })],
  [/^\/sites\/?$/, () => ({ name: 'sites' })],
  [/^\/distribution\/?$/, () => ({ name: 'distribution' })],
  [/^\/account\/?$/, () => ({ name: 'account' })],
  [/^\/audit\/?$/, () => ({ name: 'audit' })],
  [/^\/audit\/(\d{1,15})\/?$/, (m) => ({ name: 'auditEntry', seq: Number(m[1]) })],
  [/^\/exports\/?$/, () => ({ name: 'exports' })],
  [new RegExp(`^/sites/${ID}/?$`), (m) => ({ name: 'site', id: m[1]! })],
  [new RegExp(`^/persons/${ID}/?$`), (m) => ({ name: 'person', id: m[1]! })],
  [new RegExp(`^/persons/${ID}/edit/?$`), (m) => ({ name: 'editPerson', id: m[1]! })],
  [new RegExp(`^/households/${ID}/?$`), (m) => ({ name: 'household', id: m[1]! })],
  [new RegExp(`^/households/${ID}/move/?$`), (m) => ({ name: 'move', id: m[1]! })],
  [/^\/review\/?$/, () => ({ name: 'review' })],
  [new RegExp(`^/review/${ID}/?$`), (m) => ({ name: 'reviewPair', id: m[1]! })],
  [/^\/admin\/users\/?$/, () => ({ name: 'users' })],
  [new RegExp(`^/admin/users/${ID}/?$`), (m) => ({ name: 'user', id: m[1]! })],
  [/^\/admin\/tokens\/?$/, () => ({ name: 'tokens' })],
  [/^\/programmes\/?$/, () => ({ name: 'programmes' })],
  [new RegExp(`^/programmes/${ID}/?$`), (m) => ({ name: 'programme', id: m[1]! })],
  [/^\/cards\/?$/, () => ({ name: 'cards' })],
  [/^\/tasks\/?$/, () => ({ name: 'tasks' })],
  [new RegExp(`^/tasks/${ID}/?$`), (m) => ({ name: 'task', id: m[1]! })],
  [/^\/cases\/?$/, () => ({ name: 'cases' })],
  [new RegExp(`^/cases/${ID}/?$`), (m) => ({ name: 'case', id: m[1]! })],
  [/^\/tickets\/?$/, () => ({ name: 'tickets' })],
  [/^\/tickets\/report\/?$/, () => ({ name: 'ticketReport' })],
  [new RegExp(`^/tickets/${ID}/?$`), (m) => ({ name: 'ticket', id: m[1]! })],
  [/^\/points\/?$/, () => ({ name: 'points' })],
  [new RegExp(`^/points/${ID}/?$`), (m) => ({ name: 'point', id: m[1]! })],
  [new RegExp(`^/cycles/${ID}/cards/?$`), (m) => ({ name: 'cycleCards', id: m[1]! })],
  [/^\/aid\/conflicts\/?$/, () => ({ name: 'conflicts' })],
  [/^\/aid\/reconciliation\/?$/, () => ({ name: 'reconciliation' })],
  [/^\/aid\/stock\/?$/, () => ({ name: 'stock' })],
  [/^\/reports\/?$/, () => ({ name: 'reports' })],
  [/^\/services\/?$/, () => ({ name: 'services' })],
  [/^\/referrals\/?$/, () => ({ name: 'referrals' })],
  [new RegExp(`^/referrals/${ID}/?$`), (m) => ({ name: 'referral', id: m[1]! })],
  [/^\/corrections\/?$/, () => ({ name: 'corrections' })],
  [/^\/reconstruction\/projects\/?$/, () => ({ name: 'projects' })],
  [/^\/reconstruction\/projects\/new\/?$/, () => ({ name: 'newProject' })],
  [new RegExp(`^/reconstruction/projects/${ID}/?$`), (m) => ({ name: 'project', id: m[1]! })],
  [new RegExp(`^/reconstruction/projects/${ID}/edit/?$`), (m) => ({ name: 'editProject', id: m[1]! })],
  [/^\/reconstruction\/claim-rules\/?$/, () => ({ name: 'claimRules' })],
  [/^\/reports\/cash\/?$/, () => ({ name: 'cashReport' })],
];

export function parsePath(path: string): Route {
  for (const [re, make] of patterns) {
    const m = path.match(re);
    if (m) return make(m);
  }
  return { name: 'notFound' };
}

type IdRoute = Extract<Route, { id: string }>;
type PlainRoute = Exclude<Route, { id: string } | { seq: number }>;

/** The path of each screen without a parameter. */
export const PLAIN_PATHS: { [N in PlainRoute['name']]: string } = {
  home: '/',
  search: '/search',
  register: '/register',
  dashboard: '/dashboard',
  sites: '/sites',
  distribution: '/distribution',
  review: '/review',
  account: '/account',
  audit: '/audit',
  exports: '/exports',
  users: '/admin/users',
  tokens: '/admin/tokens',
  programmes: '/programmes',
  notFound: '/',
  cards: '/cards',
  tasks: '/tasks',
  cases: '/cases',
  tickets: '/tickets',
  points: '/points',
  ticketReport: '/tickets/report',
  conflicts: '/aid/conflicts',
  reconciliation: '/aid/reconciliation',
  stock: '/aid/stock',
  reports: '/reports',
  corrections: '/corrections',
  projects: '/reconstruction/projects',
  newProject: '/reconstruction/projects/new',
  services: '/services',
  referrals: '/referrals',
  deathList: '/life-events/death-list',
  fieldAssessment: '/field-assessment',
  buildings: '/reconstruction/buildings',
  damageImport: '/reconstruction/damage-imports',
  claimNew: '/reconstruction/claims/new',
  claimsRanked: '/reconstruction/cases',
  claimsQueue: '/reconstruction/queue',
  claimsDecided: '/reconstruction/decided',
  vendorSale: '/reconstruction/sales',
  materials: '/reconstruction/materials',
  plans: '/reconstruction/plans',
  claimRules: '/reconstruction/claim-rules',
  reconDashboard: '/reconstruction/dashboard',
  cashReport: '/reports/cash',
};

/** The path of each screen of one record. */
export const ID_PATHS: { [N in IdRoute['name']]: (id: string) => string } = {
  site: (id) => `/sites/${id}`,
  person: (id) => `/persons/${id}`,
  editPerson: (id) => `/persons/${id}/edit`,
  household: (id) => `/households/${id}`,
  move: (id) => `/households/${id}/move`,
  reviewPair: (id) => `/review/${id}`,
  user: (id) => `/admin/users/${id}`,
  programme: (id) => `/programmes/${id}`,
  task: (id) => `/tasks/${id}`,
  case: (id) => `/cases/${id}`,
  ticket: (id) => `/tickets/${id}`,
  point: (id) => `/points/${id}`,
  cycleCards: (id) => `/cycles/${id}/cards`,
  project: (id) => `/reconstruction/projects/${id}`,
  editProject: (id) => `/reconstruction/projects/${id}/edit`,
  referral: (id) => `/referrals/${id}`,
  buildingAssessments: (id) => `/buildings/${id}/assessments`,
  building: (id) => `/reconstruction/buildings/${id}`,
  claimCase: (id) => `/reconstruction/cases/${id}`,
  tranchePlan: (id) => `/reconstruction/cases/${id}/plan`,
};

export function pathOf(r: Route): string {
  if ('id' in r) return ID_PATHS[r.name](r.id);
  if ('seq' in r) return `/audit/${r.seq}`;
  return PLAIN_PATHS[r.name];
}
