// The OpenAPI 3.1 document, generated from the route definitions' zod schemas.
import { z } from 'zod';
import { permissionFor } from '../access/matrix.ts';
import { type ProblemId, problemIds, problemTypes } from '../shared/problems.ts';
import { fieldReasonCodes, fieldReasons } from '../shared/reasons.ts';
import { type RouteDef, routeKey } from './route.ts';

/** Every problem type Sanad answers with, from the catalogue: id, `type`, HTTP status and title. */
export function problemCatalogue(): { id: ProblemId; type: string; status: number; title: string }[] {
  return problemIds.map((id) => ({ id, type: `/problems/${id}`, status: problemTypes[id].status, title: problemTypes[id].title }));
}

/** The Problem schema (RFC 9457) and the one response every error uses. */
function problemComponents() {
  const catalogue = problemCatalogue();
  const FieldError = {
    type: 'object',
    description: 'A refused field and why (a stable reason code, with its limits in params); never its value.',
    properties: {
      field: { type: 'string' },
      reason: {
        type: 'string',
        enum: fieldReasonCodes,
        description: fieldReasonCodes.map((c) => `${c}: ${fieldReasons[c]}`).join('\n'),
      },
      params: {
        type: 'object',
        additionalProperties: { type: 'number' },
        description: 'the numbers the reason names ({max}, {min}, {count})',
      },
    },
    required: ['field', 'reason'],
  };
  const Problem = {
    type: 'object',
    description: 'An error (RFC 9457 problem+json). `type` names one cause; the web app translates each.',
    properties: {
      type: {
        type: 'string',
        enum: catalogue.map((p) => p.type),
        description: catalogue.map((p) => `${p.type} (${p.status}): ${p.title}`).join('\n'),
      },
      title: { type: 'string' },
      status: { type: 'integer', enum: [...new Set(catalogue.map((p) => p.status))].sort((a, b) => a - b) },
      detail: { type: 'string' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
      instance: { type: 'string' },
    },
    required: ['type', 'title', 'status'],
  };
  const response = {
    description: 'Problem (RFC 9457): see components.schemas.Problem and x-problem-types for every type',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return { catalogue, schemas: { Problem, FieldError }, responses: { Problem: response } };
}

function json(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function openApiDocument(routes: RouteDef[]): unknown {
  const problems = problemComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    if (r.idempotent)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', format: 'uuid' },
        description: 'Operation id: a replay returns the first result and changes nothing.',
      });
    const perm = permissionFor(routeKey(r));
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.deprecated ? { deprecated: true } : {}),
      tags: r.tags,
      parameters,
      'x-roles': perm,
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          ...(r.response ? { content: { 'application/json': { schema: json(r.response, 'output') } } } : {}),
        },
        '4XX': { $ref: '#/components/responses/Problem' },
        '5XX': { $ref: '#/components/responses/Problem' },
      },
    };
    if (perm !== 'public') op.security = [{ bearer: [] }];
    if (r.body)
      op.requestBody = r.bodyType
        ? { required: true, content: { [r.bodyType]: { schema: { type: 'string', format: 'binary' } } } }
        : { required: true, content: { 'application/json': { schema: json(r.body, 'input') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sanad API',
      version: '1',
      description: 'Registry of people and households for relief and reconstruction. Errors are RFC 9457 problem+json.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: problems.schemas,
      responses: problems.responses,
    },
    'x-problem-types': problems.catalogue,
    paths,
  };
}
