// National ID numbers: the check digit and the parsing of typed numbers live in
// src/shared/nationalId.ts (pure, shared with the web app).
export * from '../shared/nationalId.ts';
