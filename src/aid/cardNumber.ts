// The printed card number lives in src/shared/cardNumber.ts (pure, shared with the web app).
export * from '../shared/cardNumber.ts';
