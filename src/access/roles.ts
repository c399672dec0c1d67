// The roles live in src/shared/roles.ts (pure, shared with the web app).
export * from '../shared/roles.ts';
