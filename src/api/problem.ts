// RFC 9457 problem+json for every error. Field errors are listed in `errors: [{field, reason}]`.
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { AppError, errors } from '../errors.ts';
import { isUnavailable } from '../store/health.ts';
import type { FieldError, Problem } from '../shared/problems.ts';
import { zodReason } from '../registry/fieldError.ts';

export type { Problem };

/** A zod error's issues as field errors; `input` (what was parsed) tells a missing value from a wrong one. */
export function zodFieldErrors(e: ZodError, prefix = '', input?: unknown): FieldError[] {
  return e.issues.flatMap((i): FieldError[] => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean);
    const at = (p: string[]) => p.join('.') || '(body)';
    // an unknown key is named by itself (the key is the request's, never a value)
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: at([...path, k]), reason: 'unknown_field' }));
    return [{ field: at(path), ...zodReason(i, input) }];
  });
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return errors.validation(zodFieldErrors(e));
  if (isUnavailable(e)) return errors.databaseUnavailable();
  const fe = e as { statusCode?: number; code?: string; validation?: unknown };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return errors.unsupportedMediaType();
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errors.payloadTooLarge();
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return errors.emptyBody();
  if (fe.statusCode === 400 || e instanceof SyntaxError) return errors.invalidJson();
  if (fe.statusCode === 429) return errors.rateLimited();
  if (fe.code === '23503') return foreignKeyError(e as { detail?: string; constraint?: string; table?: string });
  if (fe.code === '23505') return uniqueError(e as { constraint?: string; table?: string });
  if (fe.code === '22P02' || fe.code === '22007' || fe.code === '22008' || fe.code === '22003' || fe.code === '22021')
    return errors.wrongForm();
  return errors.internal();
}

/** The unique indexes a request can run into, by name, and the field each is about. */
const UNIQUE_FIELDS: Record<string, string> = {
  person_record_id: 'recordId',
  household_record_id: 'recordId',
  app_user_username_key: 'username',
  app_user_org_username_key: 'username',
  organisation_name_key: 'name',
};

/**
 * A value that another record holds already (a unique violation that got past a check, e.g. two
 * requests racing), as 409 naming the field: never 500. Named from the constraint, never from the
 * driver's message, which quotes the value.
 */
function uniqueError(e: { constraint?: string; table?: string }): AppError {
  if (e.constraint === 'household_member_one_current') return errors.alreadyMember();
  if (e.constraint === 'household_one_current_head') return errors.householdHasHead();
  const field = (e.constraint && UNIQUE_FIELDS[e.constraint]) ?? 'body';
  if (field === 'username') return errors.usernameTaken();
  return errors.duplicateValue(field);
}

/**
 * A reference to a record that does not exist (PostgreSQL's foreign key check), as 422 naming the
 * field. The column comes from the constraint's name (PostgreSQL's default, <table>_<column>_fkey,
 * which every migration keeps), so it does not depend on the server's message language; the
 * driver's detail is read for the column at most, never for the value it quotes.
 */
function foreignKeyError(e: { detail?: string; constraint?: string; table?: string }): AppError {
  const detail = e.detail ?? '';
  if (detail.includes('is still referenced')) return errors.stillReferenced();
  const fromName =
    e.constraint && e.table && e.constraint.startsWith(`${e.table}_`) && e.constraint.endsWith('_fkey')
      ? e.constraint.slice(e.table.length + 1, -'_fkey'.length)
      : undefined;
  const column = fromName ?? /^Key \(([a-z_]+)\)=/.exec(detail)?.[1];
  if (!column) return errors.invalidField('body', 'no_such_record');
  const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return errors.invalidField(field, 'no_such_record');
}

export function sendProblem(reply: FastifyReply, err: AppError, instance?: string): FastifyReply {
  const body: Problem = { type: `/problems/${err.id}`, title: err.title, status: err.status };
  if (err.detail) body.detail = err.detail;
  if (err.errors) body.errors = err.errors;
  if (instance) body.instance = instance;
  return reply.status(err.status).type('application/problem+json').send(body);
}
