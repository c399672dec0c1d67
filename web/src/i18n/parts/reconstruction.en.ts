// English texts of reconstruction (#16), typed against the Arabic ones.
import type { reconstructionAr } from './reconstruction.ar.ts';

export const reconstructionEn: Record<keyof typeof reconstructionAr, string> = {
  'role.engineer': 'Engineer',
  'role.claims_officer': 'Claims officer',
  'role.reconstruction_committee': 'Reconstruction committee member',
  'role.vendor': 'Building materials vendor',
};
