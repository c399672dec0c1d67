// Controlled vocabularies of the registry, in neutral humanitarian language.
export const sexes = ['female', 'male'] as const;
export type Sex = (typeof sexes)[number];

export const relationships = [
  'head',
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'grandchild',
  'grandparent',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof relationships)[number];

export const statusKinds = ['injured', 'disability', 'deceased', 'missing', 'found'] as const;
export type StatusKind = (typeof statusKinds)[number];

export const displacementReasons = [
  'hostilities',
  'evacuation_order',
  'home_damaged',
  'home_destroyed',
  'return',
  'relocation',
  'other',
] as const;
export type DisplacementReason = (typeof displacementReasons)[number];

/** Recorded vulnerabilities. Female-, child- and elderly-headed are derived from the head, never recorded. */
export const vulnerabilityKinds = [
  'pregnant_lactating',
  'disability',
  'chronic_illness',
  'injured',
  'unaccompanied_child',
  'separated_child',
  'lost_home',
  'lost_livelihood',
] as const;
export type VulnerabilityKind = (typeof vulnerabilityKinds)[number];
export const derivedVulnerabilities = ['female_headed', 'child_headed', 'elderly_headed'] as const;
