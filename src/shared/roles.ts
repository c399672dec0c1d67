// The roles of Sanad. Each user has one role and a list of governorates (P-codes) they work in.
export const roles = [
  'administrator',
  'registration_officer',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof roles)[number];
