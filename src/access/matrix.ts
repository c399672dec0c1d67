// The permission matrix (role x route x method) lives in src/shared/permissions.ts, where the web
// app reads it too; the command-line operations that act for a user are here.
import { permissionMatrix } from '../shared/permissions.ts';
import type { Role } from './roles.ts';

export { allows, type Permission, permissionFor, permissionMatrix, type RouteKey } from '../shared/permissions.ts';

const IMPORTERS = ['administrator', 'registration_officer'] as const;

/**
 * Command-line operations that act for a user (`--user`): the same deny-by-default rule, kept here
 * beside the routes so this file stays the one place that says who may do what. A command that
 * does what a route does has that route's roles. Every command that takes --user is listed
 * (test/cli/commandMatrix.test.ts); `user add` and `user token` act for no user (whoever runs the
 * server's machine), `link` touches no store.
 */
export const commandMatrix = {
  'import persons': IMPORTERS,
  'import households': IMPORTERS,
  'import quarantine list': IMPORTERS,
  'import quarantine export': IMPORTERS,
  'import quarantine retry': IMPORTERS,
  'export persons': ['administrator', 'registration_officer'],
  'export aggregates': ['administrator', 'analyst', 'caseworker', 'site_manager', 'distribution_officer', 'registration_officer'],
  'user reset-2fa': ['administrator'],
  // writes the registry's links and fills the review queue (decided by administrators and
  // caseworkers), and fits the model of the duplicate check while typing: those who write the registry
  duplicates: ['administrator', 'registration_officer', 'caseworker'],
  'aid generate': permissionMatrix['POST /api/v1/aid/cycles/:id/generate'],
  'aid reconcile': permissionMatrix['GET /api/v1/aid/cycles/:id/reconciliation'],
  'aid report': permissionMatrix['GET /api/v1/aid/reports/3w.csv'],
  'audit verify': permissionMatrix['GET /api/v1/audit/verify'],
  // synthetic households, loaded through the households import
  seed: IMPORTERS,
  'user add': ['administrator'],
  'user token': ['administrator'],
  // the registry's identities (who was linked to whom): the roles that review duplicates
  'export links': ['administrator', 'caseworker'],
  // a cycle's cards: issue the missing ones, print the sheet (the web app's routes)
  'cards issue': permissionMatrix['POST /api/v1/aid/cycles/:id/cards'],
  'cards print': permissionMatrix['POST /api/v1/aid/cycles/:id/cards/sheet'],
  // the change log's head, signed, to keep elsewhere: those who verify it
  'audit anchor': permissionMatrix['GET /api/v1/audit/verify'],
  // the caseload as aggregates (counts only, small cells withheld): who reads the complaints report,
  // and for cases the administrator, the case supervisors and the analysts
  'cases export': permissionMatrix['GET /api/v1/cases/report'],
  'tickets export': permissionMatrix['GET /api/v1/tickets/report'],
  // reconstruction projects as IATI activities (public data): those who may download the file
  'reconstruction export-iati': permissionMatrix['POST /api/v1/reconstruction/iati'],
  // a health ministry's death list: the web app's upload
  'life-events import-deaths': permissionMatrix['POST /api/v1/life-events/death-lists'],
  'life-events held': permissionMatrix['POST /api/v1/life-events/death-lists'],
  // remote damage assessments matched to buildings (the API's damage import)
  'reconstruction import-damage': permissionMatrix['POST /api/v1/reconstruction/damage-imports'],
  // those who pay it through the API, and the administrator who runs the server's scheduled jobs
  'reconstruction pay-shelter-cash': [...permissionMatrix['POST /api/v1/reconstruction/shelter-cash/payments'], 'administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type CommandName = keyof typeof commandMatrix;

export function commandAllows(command: CommandName, role: Role): boolean {
  return (commandMatrix[command] as readonly Role[]).includes(role);
}
