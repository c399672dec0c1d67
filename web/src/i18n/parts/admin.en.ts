import type { adminAr } from './admin.ar.ts';

export const adminEn: Record<keyof typeof adminAr, string> = {};
