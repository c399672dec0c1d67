// The HTTP API: Fastify with every route from ./routes, checked against the permission matrix,
// errors as problem+json. Built in-process for tests (app.inject) and by `sanad serve`.
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { allows, permissionFor } from '../access/matrix.ts';
import { errors } from '../errors.ts';
import { authenticate, forgetSessions, SESSION_CACHE_MS } from '../store/access/authenticate.ts';
import { databaseAnswers } from '../store/health.ts';
import { databaseReady } from '../store/readiness.ts';
import type { Store } from '../store/open.ts';
import { write } from '../store/write.ts';
import { deviceOf } from './device.ts';
import { databaseLimitStore } from './limitStore.ts';
import { assertMayReadMetrics, Metrics } from './metrics.ts';
import { openApiDocument } from './openapi.ts';
import { acceptPhotos } from './photoBody.ts';
import { sendProblem, toAppError, zodFieldErrors } from './problem.ts';
import { type HandlerContext, isWriteOutcome, type RouteDef, routeKey } from './route.ts';
import { allRoutes } from './routes/index.ts';
import { isUuid } from '../shared/ids.ts';
import { BODY_LIMIT_BYTES } from '../shared/limits.ts';

export type AppOptions = {
  store: Store;
  /** Application log lines (method, route pattern, status, time: never URLs, bodies or data). */
  log?: (line: Record<string, unknown>) => void;
  /** Extra routes (tests); they must be in the permission matrix too. */
  routes?: RouteDef[];
  /** Registers more plugins (the web app's static files) before start. */
  extend?: (app: FastifyInstance) => Promise<void>;
  /**
   * Addresses (or CIDR ranges) of reverse proxies in front of Sanad. Requests from them are taken to
   * come from the address they name in X-Forwarded-For, so sign-in limits apply per user's address,
   * not to everyone behind the proxy at once. Default: none (the connection's address counts).
   */
  trustProxy?: string[];
  /** Who may read GET /metrics: the bearer of this token; without one, direct local connections only (src/api/metrics.ts). */
  metricsToken?: string | undefined;
  /** Parses every answer with its route's response schema (default: under Vitest). */
  checkResponses?: boolean;
  /** How long a session's lookup is reused, in ms (default SESSION_CACHE_MS; 0: every request asks the database). */
  sessionCacheMs?: number;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const NOBODY: Actor = { userId: null, orgId: '00000000-0000-0000-0000-000000000000', role: 'analyst', governorates: [] };

/** Checks that every route has a row in the permission matrix. */
export function unlistedRoutes(routes: RouteDef[]): string[] {
  return routes.map(routeKey).filter((k) => permissionFor(k) === undefined);
}

/** A handler's answer that does not match its route's response schema is a bug: fail loudly in tests. */
export function checkResponse(key: string, schema: z.ZodType, body: unknown): void {
  const res = schema.safeParse(body);
  if (res.success) return;
  const where = res.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  console.error(`${key}: the answer does not match its response schema: ${where}`);
  throw new Error(`${key}: the answer does not match its response schema`);
}

/**
 * The request as an idempotent write hashes it: no password (any field named so: password,
 * currentPassword, newPassword) goes into that fast, unsalted hash, which is stored with the
 * operation; only the argon2id hash may be attacked offline.
 */
function withoutPasswords(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const entries = Object.entries(body);
  return entries.some(([k]) => /password/i.test(k)) ? Object.fromEntries(entries.filter(([k]) => !/password/i.test(k))) : body;
}

/** What a session with a password set by an administrator may do: who am I, choose my password, sign out. */
const TEMPORARY_PASSWORD_ROUTES = new Set(['GET /api/v1/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout']);

/** The routes whose writes change accounts or sessions (src/api/routes/auth, users, tokens, setup). */
const CHANGES_ACCOUNTS = /^\/api\/v1\/(?:auth|users|tokens|setup)(?:\/|$)/;

/** Authentication and the permission check, before any handler (deny by default). */
async function checkAccess(store: Store, req: FastifyRequest, cacheMs: number): Promise<void> {
  if (req.routeOptions.url === undefined) return; // no such route: the not-found handler answers 404
  const key = `${req.method} ${req.routeOptions.url}`;
  const perm = permissionFor(key);
  if (perm === undefined) throw errors.forbidden();
  if (perm === 'public') return;
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const device = deviceOf(req.headers['x-device-id']);
  const actor = token ? await authenticate(store.pool, token, device, { cacheMs }) : undefined;
  if (!actor) throw errors.unauthenticated();
  if (actor.passwordTemporary && !TEMPORARY_PASSWORD_ROUTES.has(key)) throw errors.passwordChangeRequired();
  if (!allows(key, actor.role)) throw errors.forbidden();
  req.actor = actor;
}

/** The request's params, query and body, each parsed with the route's schema (422 naming fields). */
function parseRequest(r: RouteDef, req: FastifyRequest) {
  const parse = (schema: RouteDef['body'], value: unknown, where: string) => {
    if (!schema) return undefined;
    const input = value ?? (where === 'body' ? undefined : {});
    const res = schema.safeParse(input);
    if (!res.success) throw errors.validation(zodFieldErrors(res.error, where === 'body' ? '' : where, input ?? {}));
    return res.data;
  };
  return {
    params: parse(r.params, req.params, 'params'),
    query: parse(r.query, req.query, 'query'),
    body: parse(r.body, req.body, 'body'),
  };
}

function operationIdOf(r: RouteDef, req: FastifyRequest): string | undefined {
  const h = req.headers['idempotency-key'];
  if (!r.idempotent || h === undefined) return undefined;
  if (typeof h !== 'string' || !isUuid(h)) throw errors.invalidField('Idempotency-Key', 'not_a_uuid');
  return h.toLowerCase();
}

/** Runs a route's handler and sends its answer (a write's outcome says its own status and replay). */
async function handle(r: RouteDef, key: string, req: FastifyRequest, reply: FastifyReply, store: Store, checkResponses: boolean) {
  const { params, query, body } = parseRequest(r, req);
  const operationId = operationIdOf(r, req);
  const actor = req.actor ?? NOBODY;
  const writeStep: HandlerContext<unknown, unknown, unknown>['write'] = (step) =>
    write(store.pool, actor, { operationId, route: key, request: { params, body: withoutPasswords(body) } }, step);
  const result = await r.handler({
    params,
    query,
    body,
    actor,
    store,
    operationId,
    request: req,
    reply,
    write: writeStep,
    created: (make) => writeStep(async (ctx) => ({ status: 201, body: await make(ctx) })),
  });
  if (reply.sent || r.produces) return reply;
  const answer = isWriteOutcome(result) ? result : { status: r.status ?? 200, body: result, replayed: false };
  if (checkResponses && r.response && answer.status < 300) checkResponse(key, r.response, answer.body);
  if (answer.replayed) reply.header('Idempotent-Replay', 'true');
  return reply.status(answer.status).send(answer.body);
}

/** A route's limit; per credential, keyed by a hash of the bearer token (never the token itself). */
function rateLimitOf(l: NonNullable<RouteDef['rateLimit']>) {
  const { per, ...rest } = l;
  if (per !== 'credential') return rest;
  return {
    ...rest,
    keyGenerator: (req: FastifyRequest) => {
      const auth = req.headers.authorization;
      return auth ? `credential:${createHash('sha256').update(auth).digest('base64url')}` : `address:${req.ip}`;
    },
  };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const routes = [...allRoutes, ...(opts.routes ?? [])];
  const missing = unlistedRoutes(routes);
  if (missing.length > 0) throw new Error(`Routes missing from the permission matrix: ${missing.join(', ')}`);

  const log = opts.log ?? (() => undefined);
  const app = Fastify({
    // The router's own refusals (an over-long path segment, a malformed URL) as problem+json that
    // never echoes the address.
    frameworkErrors: (err, _req, reply) =>
      sendProblem(reply, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? errors.uriTooLong() : errors.badRequest('The address is malformed.')),
    logger: false,
    // Fastify's own 503 while closing is not problem+json: the onRequest hook below answers instead.
    return503OnClosing: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
  });
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-origin' } });
  // Counted in the database: every server sharing it counts the same requests (src/api/limitStore.ts).
  await app.register(rateLimit, { global: false, store: databaseLimitStore(opts.store.pool) });
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415
  // Bytes that are not UTF-8 are refused, not silently replaced with U+FFFD and stored.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(raw as Buffer);
    } catch {
      return done(errors.invalidEncoding(), undefined);
    }
    return parseJson(req, text, done);
  });

  acceptPhotos(app, new Set(routes.filter((r) => r.bodyType).map((r) => r.url)));

  const metrics = new Metrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (req, reply) => {
    log({ method: req.method, route: req.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
    metrics.observe(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) {
      // No message: driver errors can quote values. The code and route are enough to find it.
      log({ level: 'error', route: req.routeOptions.url, error: (err as Error).name, code: (err as { code?: string }).code });
    }
    return sendProblem(reply, e);
  });
  app.setNotFoundHandler((_req, reply) => sendProblem(reply, errors.notFound('route')));

  const sessionCacheMs = opts.sessionCacheMs ?? SESSION_CACHE_MS;
  app.addHook('preHandler', (req) => checkAccess(opts.store, req, sessionCacheMs));
  // A request that may have changed an account or a session (sign-in and out, a password, a user's
  // access or state, tokens): remembered session lookups are forgotten before its answer is sent.
  app.addHook('onSend', async (req) => {
    if (req.method !== 'GET' && CHANGES_ACCOUNTS.test(req.routeOptions.url ?? '')) forgetSessions(opts.store.pool);
  });
  // Requests that arrive once shutdown began: a clear 503, and the connection is not kept.
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!stopping) return;
    reply.header('connection', 'close');
    return sendProblem(reply, errors.serverStopping());
  });

  const checkResponses = opts.checkResponses ?? process.env.VITEST !== undefined;
  for (const r of routes) {
    const key = routeKey(r);
    app.route({
      method: r.method,
      url: r.url,
      ...(r.rateLimit ? { config: { rateLimit: rateLimitOf(r.rateLimit) } } : {}),
      handler: (req, reply) => handle(r, key, req, reply, opts.store, checkResponses),
    });
  }

  const doc = openApiDocument(routes);
  app.get('/openapi.json', async () => doc);
  app.get('/healthz', async () => {
    await databaseAnswers(opts.store.pool, opts.store.lost);
    return { status: 'ok' };
  });
  // Ready for traffic: the database answers and has every migration of this version (else 503).
  app.get('/readyz', async () => {
    await databaseReady(opts.store.pool, opts.store.lost);
    return { status: 'ready' };
  });
  app.get('/metrics', async (req, reply) => {
    assertMayReadMetrics(req, opts.metricsToken);
    const text = await metrics.render(opts.store);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(text);
  });

  if (opts.extend) await opts.extend(app);
  return app;
}

export type { FastifyRequest };
