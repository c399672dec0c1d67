import type { disclosureAr } from './disclosure.ar.ts';

export const disclosureEn: Record<keyof typeof disclosureAr, string> = {
  'disclosure.fewerThan': '<{n}',
  'disclosure.note':
    '"<{n}" marks a count of {from} to {to}, withheld to protect people, or a larger cell withheld with it so that it cannot be worked out by subtraction.',
};
