// A route: method, url, zod schemas for params/query/body/response, and a handler. The same
// definition drives validation, the OpenAPI document, the permission check (by its key) and the
// idempotency of writes (ctx.write hashes the route key with the request). The response schema is
// binding: a handler's answer is checked against it at compile time, and in tests at run time.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { Store } from '../store/open.ts';
import type { WriteContext, WriteOutcome } from '../store/write.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A write's transaction body: the HTTP-style status and the answer (stored for replays). */
export type WriteStep<T> = (ctx: WriteContext) => Promise<{ status: number; body: T }>;

export type HandlerContext<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor; // for public routes a placeholder with no rights
  store: Store;
  operationId: string | undefined;
  request: FastifyRequest;
  reply: FastifyReply;
  /**
   * One write of this route: one transaction with its change log, idempotent under the request's
   * operation id (the route key, params and body are hashed, so a reused id with another request
   * is refused).
   */
  write: <T>(step: WriteStep<T>) => Promise<WriteOutcome<T>>;
  /** A write that creates a record: 201 with what `make` returns. */
  created: <T>(make: (ctx: WriteContext) => Promise<T>) => Promise<WriteOutcome<T>>;
};

/** What a JSON handler answers: the body (with the route's status), or a write's outcome. */
export type Answer<T> = T | WriteOutcome<T>;

type Common<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: Method;
  url: string;
  summary: string;
  /** Kept for existing API clients; the app uses its replacement (named in the summary). */
  deprecated?: boolean;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Status code of a successful response (default 200). */
  status?: number;
  /** The body's media type when it is not JSON (a photo: the parser in src/api/photoBody.ts). */
  bodyType?: string;
  /** Writes accept an Idempotency-Key / operation id header. */
  idempotent?: boolean;
  /**
   * Requests allowed per time window: per address (sign-in steps, before anyone is known), or per
   * credential (reads of personal data: one user cannot page through the registry at machine speed).
   */
  rateLimit?: { max: number; timeWindow: string; per?: 'address' | 'credential' };
};

export type JsonRouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> = Common<P, Q, B> & {
  response: R;
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<Answer<z.input<R>>>;
};

/** A route that streams or sends a file itself (CSV reports): it answers through `reply`. */
export type RawRouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Common<P, Q, B> & {
  produces: string;
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<FastifyReply>;
};

/** A route as the app sees it, its types erased. */
export type RouteDef = Common<z.ZodType, z.ZodType, z.ZodType> & {
  response?: z.ZodType;
  produces?: string;
  handler: (ctx: HandlerContext<unknown, unknown, unknown>) => Promise<unknown>;
};

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  def: JsonRouteDef<P, Q, B, R>,
): RouteDef;
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(def: RawRouteDef<P, Q, B>): RouteDef;
export function defineRoute(def: RouteDef): RouteDef {
  return def;
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** A write's outcome (rather than a plain body) is what `ctx.write` returned. */
export function isWriteOutcome(v: unknown): v is WriteOutcome<unknown> {
  return typeof v === 'object' && v !== null && 'replayed' in v && typeof v.replayed === 'boolean' && 'status' in v && 'body' in v;
}
