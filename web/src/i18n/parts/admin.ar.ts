export const adminAr = {} as const;
