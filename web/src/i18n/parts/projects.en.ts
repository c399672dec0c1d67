import type { projectsAr, projectsProblemsAr, projectsReasonsAr } from './projects.ar.ts';

export const projectsProblemsEn: Record<keyof typeof projectsProblemsAr, string> = {
  'problem.iati_identifier_taken': 'A project with this IATI identifier exists: an identifier is published once, for one activity.',
};

export const projectsReasonsEn: Record<keyof typeof projectsReasonsAr, string> = {
  'reason.not_in_codelist': 'Not a code of the IATI codelist.',
  'reason.identifier_prefix': "Must start with the reporting organisation's identifier and a dash.",
  'reason.identifier_characters': 'Must not contain spaces or / & | ?',
  'reason.org_ref_form':
    'Must be an IATI organisation identifier: a registration agency prefix (such as PS-MOI or XM-DAC), a dash, a number.',
  'reason.before_start': 'Must be after the start.',
  'reason.percentages_sum': 'Must add up to 100.',
  'reason.role_required': 'Name at least one funding and one implementing organisation.',
  'reason.period_over_year': 'Must not be longer than a year.',
  'reason.outside_palestine': 'Outside the State of Palestine.',
  'reason.repeated': 'Named twice.',
};

export const projectsEn: Record<keyof typeof projectsAr, string> = {
  'projects.nav': 'Reconstruction projects',
};
