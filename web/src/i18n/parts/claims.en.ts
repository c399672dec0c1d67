// English texts of reconstruction claims (#16), typed against the Arabic ones.
import type { claimsAr } from './claims.ar.ts';

export const claimsEn: Record<keyof typeof claimsAr, string> = {
  'claims.title': 'Reconstruction claims',
};
