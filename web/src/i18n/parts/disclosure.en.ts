import type { disclosureAr } from './disclosure.ar.ts';

export const disclosureEn: Record<keyof typeof disclosureAr, string> = {
  'disclosure.fewerThan': '<{n}',
  'disclosure.reachText': '{reached} of {targeted} people',
  'disclosure.capacityText': '{people} people for {capacity} places',
  'disclosure.note': 'Counts of {from} to {to} are withheld to protect people, and a few other cells so that they cannot be worked out.',
};
