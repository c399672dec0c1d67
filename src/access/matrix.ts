// The permission matrix (role x route x method) lives in src/shared/permissions.ts, where the web
// app reads it too; the command-line operations that act for a user are here.
import type { Role } from './roles.ts';

export { allows, type Permission, permissionFor, permissionMatrix, type RouteKey } from '../shared/permissions.ts';

/**
 * Command-line operations that act for a user (`--user`): the same deny-by-default rule, kept here
 * beside the routes so this file stays the one place that says who may do what.
 */
export const commandMatrix = {
  'import persons': ['administrator', 'registration_officer'],
  'import households': ['administrator', 'registration_officer'],
  'export persons': ['administrator', 'registration_officer'],
  'export aggregates': ['administrator', 'analyst', 'caseworker', 'site_manager', 'distribution_officer', 'registration_officer'],
  'user reset-2fa': ['administrator'],
  // the registry's identities (who was linked to whom): the roles that review duplicates
  'export links': ['administrator', 'caseworker'],
} as const satisfies Record<string, readonly Role[]>;

export function commandAllows(command: keyof typeof commandMatrix, role: Role): boolean {
  return (commandMatrix[command] as readonly Role[]).includes(role);
}
