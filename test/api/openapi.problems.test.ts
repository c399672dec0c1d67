// The OpenAPI document lists every problem type of the catalogue (src/shared/problems.ts) with its
// status and title, and describes the Problem body every error answers with.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { problemIds, problemTypes } from '../../src/shared/problems.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('every problem id is in /openapi.json: in x-problem-types and in the enum of Problem.type', async () => {
  const res = await t.get(undefined, '/openapi.json');
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc['x-problem-types']).toEqual(
    problemIds.map((id) => ({ id, type: `/problems/${id}`, status: problemTypes[id].status, title: problemTypes[id].title })),
  );
  const problem = doc.components.schemas.Problem;
  expect(problem.properties.type.enum).toEqual(problemIds.map((id) => `/problems/${id}`));
  expect(problem.required).toEqual(['type', 'title', 'status']);
  expect(problem.properties.errors.items).toEqual({ $ref: '#/components/schemas/FieldError' });
  expect(doc.components.schemas.FieldError.required).toEqual(['field', 'reason']);
  const text = JSON.stringify(doc);
  for (const id of problemIds) expect(text).toContain(`/problems/${id}`);
});

test('every operation answers errors with the Problem response, as application/problem+json', async () => {
  const doc = (await t.get(undefined, '/openapi.json')).json();
  expect(doc.components.responses.Problem.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  const ops = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap((p) =>
    Object.values(p),
  );
  expect(ops.length).toBeGreaterThan(50);
  for (const op of ops) expect(op.responses['4XX']).toEqual({ $ref: '#/components/responses/Problem' });
});

test('the audit and stats answers are described exactly', async () => {
  const doc = (await t.get(undefined, '/openapi.json')).json();
  const schemaOf = (path: string) => doc.paths[path].get.responses['200'].content['application/json'].schema;
  const verify = JSON.stringify(schemaOf('/api/v1/audit/verify'));
  for (const word of ['edited', 'deleted_or_reordered', 'truncated', 'firstBadSeq', 'head']) expect(verify).toContain(word);
  expect(Object.keys(schemaOf('/api/v1/audit/log').properties.items.items.properties)).toEqual([
    'seq',
    'at',
    'actorId',
    'actorUsername',
    'deviceId',
    'operationId',
    'entity',
    'entityId',
    'action',
  ]);
  expect(doc.paths['/api/v1/audit/log'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
    'before',
    'limit',
    'entity',
    'entityId',
    'actorId',
    'username',
    'action',
  ]);
  expect(Object.keys(schemaOf('/api/v1/stats/governorates').properties.items.items.properties)).toEqual([
    'governorate',
    'people',
    'female',
    'male',
    'households',
    'livingPeople',
    'livingHouseholds',
    'displacedHouseholds',
  ]);
});

test('the old status events route is marked deprecated, naming the life events route that replaces it; the app no longer calls it', async () => {
  const doc = (await t.get(undefined, '/openapi.json')).json();
  const op = doc.paths['/api/v1/persons/{id}/status-events'].post;
  expect(op.deprecated).toBe(true);
  expect(op.summary).toContain('/api/v1/persons/{id}/life-events');
  expect(doc.paths['/api/v1/persons/{id}/life-events'].post.deprecated).toBeUndefined();
  const web = fs.readdirSync(path.resolve(import.meta.dirname, '../../web/src'), { recursive: true, withFileTypes: true });
  const callers = web
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .filter((f) => fs.readFileSync(path.join(f.parentPath, f.name), 'utf8').includes('/status-events'));
  expect(callers.map((f) => f.name)).toEqual([]);
});
