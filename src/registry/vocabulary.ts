// The registry's vocabularies live in src/shared/vocabulary.ts (pure, shared with the web app).
export * from '../shared/vocabulary.ts';
