// What a pair of person records says besides "maybe one person" (the linkage engine's relation
// rules, src/linkage/relations.ts): the server stores it with each duplicate candidate, the review
// screen shows family ties as probable relatives.
export const RELATIONS = [
  'none',
  'siblings',
  'twins',
  'parent_child',
  'grandparent_grandchild',
  'cousins',
  'uncle_nephew',
  'generations_apart',
  'different_sex',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Relations that are family ties (shown to a reviewer as probable relatives). */
export const FAMILY_TIES: ReadonlySet<Relation> = new Set<Relation>([
  'siblings',
  'twins',
  'parent_child',
  'grandparent_grandchild',
  'cousins',
  'uncle_nephew',
]);
