// A route: method, url, zod schemas for params/query/body/response, and a handler. The same
// definition drives validation, the OpenAPI document, and the permission check (by its key).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { Store } from '../store/open.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type HandlerContext<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor; // for public routes a placeholder with no rights
  store: Store;
  operationId: string | undefined;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> = {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Status code of a successful response (default 200). */
  status?: number;
  /** Writes accept an Idempotency-Key / operation id header. */
  idempotent?: boolean;
  rateLimit?: { max: number; timeWindow: string };
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>;
};

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
