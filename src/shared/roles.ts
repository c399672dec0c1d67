// The roles of Sanad. Each user has one role and a list of governorates (P-codes) they work in.
export const roles = [
  'administrator',
  'registration_officer',
  'caseworker',
  'site_manager',
  'distribution_officer',
  'analyst',
  'auditor',
  // approves case assessments, plans and closures; sees the cases of their governorates
  'case_supervisor',
  // receives complaints and feedback, including the sensitive ones, and approves the answers
  'feedback_focal_point',
  // reconstruction (#16): field assessments and inspections of damaged buildings
  'engineer',
  // checks reconstruction claims against the registry and the evidence
  'claims_officer',
  // approves reconstruction cases (never their own assessment)
  'reconstruction_committee',
  // an approved vendor of building materials: records sales against a case's quota
  'vendor',
] as const;
export type Role = (typeof roles)[number];
