// The QR encoder lives in src/shared/qr.ts: the web app (enrolment, a household's card) and the
// server (a cycle's card sheet) draw the same codes.
export * from '../../../src/shared/qr.ts';
