// Identity resolution: relatives as an outcome of their own (the review queue and the pair page).
import type { identityAr } from './identity.ar.ts';

export const identityEn: Record<keyof typeof identityAr, string> = {
  'review.relative.heading': 'Probably relatives, not the same person',
  'review.relative.note':
    'The names and dates of birth point to a family tie. This pair is shown only because strong evidence (the same ID number or the same full date of birth) points to one person. Check the documents before deciding.',
  'review.relation.siblings': 'Probably siblings',
  'review.relation.twins': 'Probably twins',
  'review.relation.parent_child': 'Probably a parent and a child',
  'review.relation.grandparent_grandchild': 'Probably a grandparent and a grandchild',
  'review.relation.cousins': 'Probably cousins',
  'review.relation.uncle_nephew': 'Probably an uncle or aunt and a nephew or niece',
  'review.relation.generations_apart': 'Born a generation apart',
  'review.relation.different_sex': 'Different sexes',
};
