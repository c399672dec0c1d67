// The permission matrix: role x route x method. The single source of every access check.
// A route missing from this table makes the server refuse to start (and a test fail);
// a role missing from a route's list is denied. 'public' routes need no sign-in.
import type { Role } from './roles.ts';

export type Permission = 'public' | readonly Role[];

const ALL_STAFF: readonly Role[] = ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst', 'auditor'];
const REGISTRY_READ: readonly Role[] = ['administrator', 'registration_officer', 'caseworker', 'site_manager', 'distribution_officer'];
const REGISTRY_WRITE: readonly Role[] = ['administrator', 'registration_officer', 'caseworker'];

export const permissionMatrix = {
  'GET /healthz': 'public',
  'GET /openapi.json': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': ALL_STAFF,
  'GET /api/v1/me': ALL_STAFF,
  'GET /api/v1/places/governorates': ALL_STAFF,
  'GET /api/v1/places/localities': ALL_STAFF,
  'POST /api/v1/places/localities': ['administrator', 'registration_officer', 'site_manager'],

  'POST /api/v1/persons': REGISTRY_WRITE,
  'GET /api/v1/persons': REGISTRY_READ,
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

  'GET /api/v1/stats/governorates': ['administrator', 'analyst', 'caseworker', 'site_manager', 'distribution_officer', 'registration_officer'],
  'GET /api/v1/audit/verify': ['administrator', 'auditor'],
  'GET /api/v1/audit/log': ['administrator', 'auditor'],

  'POST /api/v1/users': ['administrator'],
  'GET /api/v1/users': ['administrator'],
  'POST /api/v1/tokens': ['administrator'],
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
