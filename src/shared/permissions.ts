// The permission matrix: role x route x method. The single source of every access check: the server
// checks it before every handler (src/access/matrix.ts re-exports it), and the web app shows only
// what the signed-in role may call, without a second table. Pure data, no I/O.
// A route missing from this table makes the server refuse to start (and a test fail);
// a role missing from a route's list is denied. 'public' routes need no sign-in.
import { type Role, roles } from './roles.ts';

export type Permission = 'public' | readonly Role[];

const ALL_STAFF: readonly Role[] = roles;
const REGISTRY_READ: readonly Role[] = [
  'administrator',
  'registration_officer',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'case_supervisor',
  'feedback_focal_point',
  // reconstruction: engineers name the households that lived in a unit, claims officers check claimants
  'engineer',
  'claims_officer',
];
const REGISTRY_WRITE: readonly Role[] = ['administrator', 'registration_officer', 'caseworker'];
const CASEWORK: readonly Role[] = ['caseworker', 'case_supervisor'];
/** Who meets people and may take their complaints (what each then sees is decided per ticket: src/tickets/flow.ts). */
const FRONT_LINE: readonly Role[] = [
  'administrator',
  'registration_officer',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'case_supervisor',
  'feedback_focal_point',
];
/** Who may see counts of people by place, sex and age (no record of anyone): the dashboard, aggregate exports. */
const AGGREGATES: readonly Role[] = [
  'administrator',
  'analyst',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'registration_officer',
];
/** Reconstruction: who records buildings, units and occupancy; who reads them; who imports damage files. */
const BUILDING_WRITE: readonly Role[] = ['administrator', 'engineer', 'registration_officer'];
const BUILDING_READ: readonly Role[] = [...BUILDING_WRITE, 'claims_officer', 'reconstruction_committee'];
const DAMAGE_IMPORT: readonly Role[] = ['administrator', 'engineer'];
/** Who reads the reconstruction dashboard: those who need its reports (the committee and analysts see aggregates only). */
const RECON_DASHBOARD: readonly Role[] = ['administrator', 'analyst', 'reconstruction_committee', 'claims_officer'];

export const permissionMatrix = {
  'GET /healthz': 'public',
  'GET /openapi.json': 'public',
  'POST /api/v1/auth/login': 'public',
  // the second step of sign-in: the challenge in the body is the credential (single use, minutes)
  'POST /api/v1/auth/second-factor': 'public',
  'POST /api/v1/auth/second-factor/enrol': 'public',
  // whether any account exists, so the sign-in page can explain the first run (see routes/auth/setup.ts)
  'GET /api/v1/setup': 'public',
  'POST /api/v1/auth/logout': ALL_STAFF,
  'GET /api/v1/me': ALL_STAFF,
  // a person's own recovery codes, with a current code of their authenticator (the handler refuses API tokens)
  'POST /api/v1/auth/recovery-codes': ALL_STAFF,
  // a person's own password, with the current one and a current code (the handler refuses API tokens)
  'POST /api/v1/auth/password': ALL_STAFF,
  'GET /api/v1/places/governorates': ALL_STAFF,
  'GET /api/v1/places/localities': ALL_STAFF,
  'POST /api/v1/places/localities': ['administrator', 'registration_officer', 'site_manager'],

  'POST /api/v1/persons': REGISTRY_WRITE,
  // the whole registry page by page: administrators (and their machine accounts), logged and limited
  'GET /api/v1/persons': ['administrator'],
  'POST /api/v1/persons/search': REGISTRY_READ,
  'GET /api/v1/persons/:id': REGISTRY_READ,
  'PUT /api/v1/persons/:id': REGISTRY_WRITE,
  'GET /api/v1/persons/:id/history': ['administrator', 'registration_officer', 'caseworker', 'auditor'],
  'POST /api/v1/persons/:id/status-events': REGISTRY_WRITE,

  'POST /api/v1/households': REGISTRY_WRITE,
  'GET /api/v1/households/:id': REGISTRY_READ,
  'POST /api/v1/households/:id/members': REGISTRY_WRITE,
  'POST /api/v1/households/:id/members/:personId/leave': REGISTRY_WRITE,
  'POST /api/v1/households/:id/head': REGISTRY_WRITE,
  'POST /api/v1/households/:id/split': REGISTRY_WRITE,
  'POST /api/v1/households/:id/merge': REGISTRY_WRITE,
  'POST /api/v1/households/:id/displacements': ['administrator', 'registration_officer', 'caseworker', 'site_manager'],
  'POST /api/v1/households/:id/vulnerabilities': REGISTRY_WRITE,

  'GET /api/v1/stats/governorates': AGGREGATES,
  'GET /api/v1/stats/reach': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  // Exports (files of the caller's organisation and governorates): the roles of `sanad export`
  'POST /api/v1/exports/persons': ['administrator', 'registration_officer'],
  'POST /api/v1/exports/aggregates': AGGREGATES,
  'GET /api/v1/audit/verify': ['administrator', 'auditor'],
  'GET /api/v1/audit/log': ['administrator', 'auditor'],
  'GET /api/v1/audit/log/:seq': ['administrator', 'auditor'],

  'POST /api/v1/users': ['administrator'],
  'GET /api/v1/users': ['administrator'],
  'POST /api/v1/tokens': ['administrator'],
  'POST /api/v1/users/:id/second-factor/reset': ['administrator'],

  // Shelters and aid (sites, programmes, cycles, cards, offline distribution, stock, reports)
  'POST /api/v1/sites': ['administrator', 'site_manager'],
  'GET /api/v1/sites': ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'],
  'GET /api/v1/sites/capacity': ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'],
  'GET /api/v1/sites/:id': ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'],
  'PUT /api/v1/sites/:id': ['administrator', 'site_manager'],
  'POST /api/v1/aid/items': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/items': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'POST /api/v1/aid/programmes': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/programmes': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'PUT /api/v1/aid/programmes/:id/rules': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/programmes/:id/cycles': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/cycles': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'GET /api/v1/aid/cycles/:id': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'POST /api/v1/aid/cycles/:id/generate': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/cycles/:id/close': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/cycles/:id/manifest': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/warehouses': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/points': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/points': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'POST /api/v1/aid/cards': ['administrator', 'registration_officer', 'caseworker', 'distribution_officer'],
  'POST /api/v1/aid/cards/:serial/revoke': ['administrator', 'registration_officer', 'caseworker', 'distribution_officer'],
  'GET /api/v1/aid/keys': ['administrator', 'distribution_officer', 'auditor'],
  'POST /api/v1/aid/keys': ['administrator'],
  'POST /api/v1/aid/keys/:id/retire': ['administrator'],
  'POST /api/v1/aid/sync': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/cards/check': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/redemptions': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/cycles/:id/conflicts': ['administrator', 'distribution_officer', 'auditor'],
  'POST /api/v1/aid/redemptions/:id/review': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/stock': ['administrator', 'distribution_officer'],
  'GET /api/v1/aid/warehouses/:id/stock': ['administrator', 'distribution_officer', 'analyst', 'auditor'],
  'GET /api/v1/aid/cycles/:id/reconciliation': ['administrator', 'distribution_officer', 'analyst', 'auditor'],
  'GET /api/v1/aid/reports/reach': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  'GET /api/v1/aid/reports/3w.csv': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  // Identity resolution in the registry: check while typing; caseworkers and administrators decide
  'POST /api/v1/duplicates/check': ['administrator', 'registration_officer', 'caseworker'],
  'GET /api/v1/duplicates': ['administrator', 'caseworker'],
  'GET /api/v1/duplicates/:id': ['administrator', 'caseworker'],
  'POST /api/v1/duplicates/:id/decision': ['administrator', 'caseworker'],
  'POST /api/v1/duplicates/:id/undo': ['administrator', 'caseworker'],
  // A household and all its members in one write: who registers persons and households today
  'POST /api/v1/registrations': REGISTRY_WRITE,
  // User administration (within the administrator's governorates; src/access/users.ts)
  'GET /api/v1/users/:id': ['administrator'],
  'PUT /api/v1/users/:id/access': ['administrator'],
  'POST /api/v1/users/:id/disable': ['administrator'],
  'POST /api/v1/users/:id/enable': ['administrator'],
  'POST /api/v1/users/:id/temporary-password': ['administrator'],
  'GET /api/v1/tokens': ['administrator'],
  'POST /api/v1/tokens/:id/revoke': ['administrator'],
  // The household page: its history (as a person's), ending a recorded vulnerability, a person's
  // linked records (identity resolution), a household's cards and entitlements (those who handle cards)
  'GET /api/v1/households/:id/history': ['administrator', 'registration_officer', 'caseworker', 'auditor'],
  'POST /api/v1/households/:id/vulnerabilities/end': REGISTRY_WRITE,
  'GET /api/v1/persons/:id/links': REGISTRY_READ,
  'GET /api/v1/households/:id/aid': ['administrator', 'registration_officer', 'caseworker', 'distribution_officer'],
  'GET /api/v1/sites/:id/residents': ['administrator', 'registration_officer', 'caseworker', 'site_manager'],
  // Programmes in the web app: a rule set's preview before it is saved (counts only)
  'POST /api/v1/aid/programmes/preview': ['administrator', 'distribution_officer'],
  // Household cards: a reprint (a new card, the old one revoked as replaced, in one write)
  'POST /api/v1/aid/cards/:serial/reprint': ['administrator', 'registration_officer', 'caseworker', 'distribution_officer'],
  'GET /api/v1/aid/cards': ['administrator', 'registration_officer', 'caseworker', 'distribution_officer'],
  // Life events (who registers people and follows their cases) and the tasks that follow from them
  'POST /api/v1/persons/:id/life-events': REGISTRY_WRITE,
  'GET /api/v1/persons/:id/life-events': REGISTRY_WRITE,
  'POST /api/v1/life-events/:id/correct': REGISTRY_WRITE,
  'POST /api/v1/life-events/:id/withdraw': REGISTRY_WRITE,
  'GET /api/v1/tasks': REGISTRY_WRITE,
  'GET /api/v1/tasks/:id': REGISTRY_WRITE,
  'POST /api/v1/tasks/:id/new-head': REGISTRY_WRITE,
  'POST /api/v1/tasks/:id/dismiss': REGISTRY_WRITE,
  'POST /api/v1/tasks/:id/vulnerability': REGISTRY_WRITE,
  // Operations: readiness for a load balancer; metrics for Prometheus (a token or a local connection: src/api/metrics.ts)
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  // Cases: caseworkers and case supervisors (who sees which case is decided per case: src/cases/flow.ts)
  'POST /api/v1/cases': CASEWORK,
  'GET /api/v1/cases/mine': CASEWORK,
  'GET /api/v1/cases/:id': CASEWORK,
  'GET /api/v1/persons/:id/cases': CASEWORK,
  'POST /api/v1/cases/:id/entries': CASEWORK,
  'POST /api/v1/cases/:id/decision': ['case_supervisor'],
  'POST /api/v1/cases/:id/reopen': CASEWORK,
  'POST /api/v1/cases/:id/assign': CASEWORK,
  'POST /api/v1/cases/:id/share': CASEWORK,
  'GET /api/v1/cases/:id/assignees': CASEWORK,
  // Complaints and feedback: taken by anyone who meets people; the queue and the decisions by feedback focal points
  'POST /api/v1/tickets': FRONT_LINE,
  'GET /api/v1/tickets': FRONT_LINE,
  'GET /api/v1/tickets/:id': FRONT_LINE,
  'POST /api/v1/tickets/:id/steps': FRONT_LINE,
  // Distribution points and warehouses in the web app: the list of warehouses; a point's households
  // in a cycle, with the head's name and size (those who run distributions; the read is logged)
  'GET /api/v1/aid/warehouses': ['administrator', 'distribution_officer', 'analyst', 'auditor'],
  'GET /api/v1/aid/points/:id/households': ['administrator', 'distribution_officer'],
  // the complaints report (counts only; withheld small cells for aggregate roles)
  'GET /api/v1/tickets/report': ['administrator', 'feedback_focal_point', 'analyst'],
  // Cards for a whole cycle: counts, issuing in batches, the printable sheet (heads' names: the read is logged)
  'GET /api/v1/aid/cycles/:id/cards': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/cycles/:id/cards': ['administrator', 'distribution_officer'],
  'POST /api/v1/aid/cycles/:id/cards/sheet': ['administrator', 'distribution_officer'],
  // After distribution in the web app: conflicts side by side for review, the warehouses for stock
  // screens, the 3W/5W report as a CSV or XLSX file
  'GET /api/v1/aid/cycles/:id/reviews': ['administrator', 'distribution_officer', 'auditor'],
  'POST /api/v1/aid/reports/3w': ['administrator', 'distribution_officer', 'site_manager', 'analyst', 'auditor'],
  // The service directory: browsed by those who refer; managed by an organisation's administrators
  // and case supervisors (their own organisation's services only: src/store/referrals/updateService.ts)
  'GET /api/v1/services': ['administrator', 'caseworker', 'case_supervisor'],
  'POST /api/v1/services': ['administrator', 'case_supervisor'],
  'PUT /api/v1/services/:id': ['administrator', 'case_supervisor'],
  // Referrals between organisations: which side sees which referral is decided per referral (src/referrals/flow.ts)
  'POST /api/v1/cases/:id/consent': CASEWORK,
  'POST /api/v1/cases/:id/referrals': CASEWORK,
  'GET /api/v1/referrals/in': CASEWORK,
  'GET /api/v1/referrals/out': CASEWORK,
  'GET /api/v1/referrals/:id': CASEWORK,
  'POST /api/v1/referrals/:id/answer': CASEWORK,
  'POST /api/v1/referrals/:id/report': CASEWORK,
  // Data corrections from a ticket: its handler proposes (who sees the ticket decides: src/store/tickets/changeRequests),
  // another person who may edit persons approves or rejects (never their own)
  'POST /api/v1/tickets/:id/corrections': FRONT_LINE,
  'GET /api/v1/tickets/:id/corrections': FRONT_LINE,
  'GET /api/v1/corrections': REGISTRY_WRITE,
  'POST /api/v1/corrections/:id/decision': REGISTRY_WRITE,
  // the caseload report (counts only; small cells withheld for aggregate roles), as `sanad cases export`
  'GET /api/v1/cases/report': ['administrator', 'case_supervisor', 'analyst'],
  // Reconstruction projects (#16): administrators write until the reconstruction roles exist (then
  // the reconstruction committee); analysts read, funds per governorate and the public IATI file
  'POST /api/v1/reconstruction/projects': ['administrator'],
  'GET /api/v1/reconstruction/projects': ['administrator', 'analyst'],
  'GET /api/v1/reconstruction/projects/:id': ['administrator', 'analyst'],
  'PUT /api/v1/reconstruction/projects/:id': ['administrator'],
  'POST /api/v1/reconstruction/projects/:id/transactions': ['administrator'],
  'GET /api/v1/reconstruction/funds': ['administrator', 'analyst'],
  'POST /api/v1/reconstruction/funds.csv': ['administrator', 'analyst'],
  'POST /api/v1/reconstruction/iati': ['administrator', 'analyst'],
  // A health ministry's death list applied in bulk: it changes entitlements across the organisation's
  // governorates and opens tasks and child-protection cases, so the administrator does it (and then
  // follows the new-head tasks it opens)
  'POST /api/v1/life-events/death-lists': ['administrator'],
  // Field assessments (#16): engineers record them (offline, synced once) with their photos; those who
  // check claims and approve cases read them beside the remote ones; a photo read is logged
  'GET /api/v1/reconstruction/materials': ['administrator', 'engineer', 'claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/field-pack': ['engineer'],
  'POST /api/v1/reconstruction/field-assessments': ['engineer'],
  'POST /api/v1/reconstruction/field-assessments/:id/photos': ['engineer'],
  'GET /api/v1/reconstruction/photos/:id': ['administrator', 'engineer', 'claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/buildings/:id/field-assessments': ['administrator', 'engineer', 'claims_officer', 'reconstruction_committee'],
  // Reconstruction (#16): buildings, housing units, occupancy (personal data: reads logged) and
  // remote damage imports. Engineers and registration officers record buildings and who lived there;
  // engineers and administrators import damage files; claims officers and the committee read;
  // analysts see counts of buildings by damage class only.
  'POST /api/v1/reconstruction/buildings': BUILDING_WRITE,
  'GET /api/v1/reconstruction/buildings': BUILDING_READ,
  'GET /api/v1/reconstruction/buildings/summary': [...BUILDING_READ, 'analyst'],
  'GET /api/v1/reconstruction/buildings/:id': BUILDING_READ,
  'POST /api/v1/reconstruction/buildings/:id/units': BUILDING_WRITE,
  'GET /api/v1/reconstruction/units/:id/occupancy': BUILDING_READ,
  'POST /api/v1/reconstruction/units/:id/occupancy': BUILDING_WRITE,
  'POST /api/v1/reconstruction/damage-imports': DAMAGE_IMPORT,
  'GET /api/v1/reconstruction/damage-imports': DAMAGE_IMPORT,
  'GET /api/v1/reconstruction/damage-imports/:id': DAMAGE_IMPORT,
  // Reconstruction claims (#16): intake by registration or claims officers; the case file and documents
  // for claims officers and the committee; the officer's check; the committee's decision; the ranked
  // list (no names); the claim rules (saved by administrators)
  'POST /api/v1/reconstruction/claims': ['registration_officer', 'claims_officer'],
  'POST /api/v1/reconstruction/claims/:id/documents': ['registration_officer', 'claims_officer'],
  'GET /api/v1/reconstruction/claims/:id/documents/:documentId': ['claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/cases/:id': ['claims_officer', 'reconstruction_committee'],
  'POST /api/v1/reconstruction/cases/:id/check': ['claims_officer'],
  'POST /api/v1/reconstruction/cases/:id/decision': ['reconstruction_committee'],
  // a rejected case reopened for review (a grievance upheld); the list of decided cases where it is found
  'POST /api/v1/reconstruction/cases/:id/reopen': ['reconstruction_committee'],
  'GET /api/v1/reconstruction/decided-cases': ['administrator', 'claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/cases': ['administrator', 'claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/claim-rules': ['administrator', 'claims_officer', 'reconstruction_committee'],
  'POST /api/v1/reconstruction/claim-rules': ['administrator'],
  // Reconstruction tranches and materials (#16): claims officers open a case's plan, set its quota and
  // release tranches; engineers inspect stages; vendors record sales; the reconciliation has counts only
  'POST /api/v1/reconstruction/cases/:id/plan': ['claims_officer'],
  'GET /api/v1/reconstruction/cases/:id/plan': ['claims_officer', 'reconstruction_committee', 'engineer'],
  'POST /api/v1/reconstruction/cases/:id/inspections': ['engineer'],
  'POST /api/v1/reconstruction/cases/:id/tranches/:trancheId/release': ['claims_officer'],
  'POST /api/v1/reconstruction/cases/:id/quota': ['claims_officer'],
  'POST /api/v1/reconstruction/vendors': ['administrator'],
  'POST /api/v1/reconstruction/sales': ['vendor'],
  'GET /api/v1/reconstruction/materials/reconciliation': [
    'administrator',
    'claims_officer',
    'reconstruction_committee',
    'analyst',
    'auditor',
  ],
  'GET /api/v1/reconstruction/plans': ['claims_officer', 'reconstruction_committee', 'engineer'],
  // The claim rules editor (#16): administrators preview proposed rules (counts and units, no names);
  // the history of versions is read by those who read the rules
  'POST /api/v1/reconstruction/claim-rules/preview': ['administrator'],
  'GET /api/v1/reconstruction/claim-rules/versions': ['administrator', 'claims_officer', 'reconstruction_committee'],
  'GET /api/v1/reconstruction/claim-rules/versions/:version': ['administrator', 'claims_officer', 'reconstruction_committee'],
  // the reconstruction dashboard: counts only (small cells withheld for the committee and analysts)
  'GET /api/v1/reconstruction/dashboard': RECON_DASHBOARD,
  'GET /api/v1/reconstruction/dashboard.csv': RECON_DASHBOARD,
  // Transitional shelter cash (#16): those who release tranches pay it; the committee sees what is due
  'GET /api/v1/reconstruction/shelter-cash': ['claims_officer', 'reconstruction_committee'],
  'POST /api/v1/reconstruction/shelter-cash/payments': ['claims_officer'],
  // cash reaching households per governorate (aid cash, tranches, shelter cash): roles that read records
  // (a payment of 250 to one household gives its count away: no aggregate-only version yet)
  'GET /api/v1/aid/reports/cash': ['administrator', 'distribution_officer', 'claims_officer'],
  // the items a vendor may sell (the catalogue's materials, no prices): the sale screen's list
  'GET /api/v1/reconstruction/sale-items': ['vendor'],
} as const satisfies Record<string, Permission>;

export type RouteKey = keyof typeof permissionMatrix;

export function permissionFor(key: string): Permission | undefined {
  return (permissionMatrix as Record<string, Permission>)[key];
}

export function allows(key: string, role: Role): boolean {
  const p = permissionFor(key);
  if (p === undefined) return false;
  return p === 'public' || p.includes(role);
}
