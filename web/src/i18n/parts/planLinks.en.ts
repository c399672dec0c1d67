// A joint case and its grant plan link to each other (#16), typed against the Arabic texts.
import type { planLinksAr } from './planLinks.ar.ts';

export const planLinksEn: Record<keyof typeof planLinksAr, string> = {
  'planLinks.plan': 'Grant plan {code}',
  'planLinks.openPlan': 'Grant plan (not opened yet)',
  // the catalogue's sand (migration 0041), in a plan's materials quota
  'tranches.item.sand': 'Sand',
  'planLinks.case': 'The joint case of this plan',
};
