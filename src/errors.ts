// Every error Sanad reports, in one place, with a stable id. The API renders them as RFC 9457
// problem+json (type = /problems/<id>). Details name fields and reasons, never personal data.
import type { FieldError } from './registry/fieldError.ts';

export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fieldErrors: FieldError[]) =>
    new AppError(
      'validation',
      422,
      'The request has invalid fields',
      fieldErrors.map((e) => `${e.field} ${e.reason}`).join('; '),
      fieldErrors,
    ),
  badRequest: (detail: string) => new AppError('bad_request', 400, 'Bad request', detail),
  notFound: (what = 'record') => new AppError('not_found', 404, 'Not found', `No such ${what}.`),
  unauthenticated: () => new AppError('unauthenticated', 401, 'Sign in required', 'Send a valid session or API token as a Bearer token.'),
  badCredentials: () => new AppError('bad_credentials', 401, 'Wrong username or password'),
  /** 401 at sign-in; 403 when a signed-in person proves their authenticator (their session stays good). */
  badCode: (status: 401 | 403 = 401) =>
    new AppError(
      'bad_code',
      status,
      'Wrong code',
      'The code is wrong, too old, or was already used. Check the time on your phone and enter the newest code.',
    ),
  challengeExpired: () =>
    new AppError(
      'challenge_expired',
      401,
      'Sign in again',
      'This sign-in step has expired or was already used. Sign in with your password again.',
    ),
  secondFactorLocked: (minutes: number) =>
    new AppError(
      'second_factor_locked',
      429,
      'Too many wrong codes',
      `Sign-in to this account is paused for ${minutes} minutes after too many wrong codes. Wait, or ask an administrator to reset your second factor.`,
    ),
  forbidden: () => new AppError('forbidden', 403, 'Not allowed', 'Your role may not do this.'),
  sessionRequired: () =>
    new AppError(
      'forbidden',
      403,
      'Not allowed',
      'Only a person signed in with a password and a second factor may do this, not an API token.',
    ),
  versionConflict: () =>
    new AppError('version_conflict', 409, 'The record changed since you read it', 'Reload it and apply your change again.'),
  conflict: (detail: string) => new AppError('conflict', 409, 'Conflict', detail),
  operationReused: () =>
    new AppError('operation_reused', 409, 'Operation id reused', 'This operation id was already used for a different request.'),
  rateLimited: () => new AppError('rate_limited', 429, 'Too many requests', 'Wait a moment and try again.'),
  internal: () =>
    new AppError('internal', 500, 'Internal error', 'Something went wrong on the server. It has been logged without personal data.'),
} as const;
