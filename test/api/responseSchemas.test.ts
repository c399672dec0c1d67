// Response schemas are binding: a handler's answer is checked against its route's schema when the
// code is compiled (the @ts-expect-error lines below fail the typecheck if the check goes away),
// and every answer is parsed with it while tests run.
import { expect, test, vi } from 'vitest';
import { z } from 'zod';
import { checkResponse } from '../../src/api/app.ts';
import { defineRoute } from '../../src/api/route.ts';
import { allRoutes } from '../../src/api/routes/index.ts';

const Answer = z.object({ id: z.string(), count: z.number() });

test('a handler whose answer does not match its response schema does not compile', () => {
  const good = defineRoute({
    method: 'GET',
    url: '/x',
    summary: 'x',
    tags: [],
    response: Answer,
    handler: async () => ({ id: 'a', count: 1 }),
  });
  // @ts-expect-error count must be a number
  defineRoute({ method: 'GET', url: '/x', summary: 'x', tags: [], response: Answer, handler: async () => ({ id: 'a', count: '1' }) });
  defineRoute({
    method: 'POST',
    url: '/x',
    summary: 'x',
    tags: [],
    response: Answer,
    // @ts-expect-error a write's body is checked too (count is missing)
    handler: async ({ write }) => write(async () => ({ status: 201, body: { id: 'a' } })),
  });
  // @ts-expect-error a JSON route must declare its response schema
  defineRoute({ method: 'GET', url: '/x', summary: 'x', tags: [], handler: async () => ({ id: 'a', count: 1 }) });
  expect(good.response).toBe(Answer);
});

test('under test, an answer that does not match its schema is an error naming the route and the field', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(() => checkResponse('GET /x', Answer, { id: 'a', count: 'one' })).toThrow('GET /x: the answer does not match its response schema');
  expect(quiet.mock.calls[0]?.[0]).toContain('count');
  expect(() => checkResponse('GET /x', Answer, { id: 'a', count: 1 })).not.toThrow();
  quiet.mockRestore();
});

test('every JSON route declares a response schema; only file routes answer without one', () => {
  const without = allRoutes.filter((r) => !r.response).map((r) => `${r.method} ${r.url} ${r.produces ?? '(no produces)'}`);
  expect(without).toEqual([
    'POST /api/v1/exports/persons text/csv',
    'POST /api/v1/exports/aggregates text/csv',
    'GET /api/v1/aid/reports/3w.csv text/csv',
    'POST /api/v1/aid/cycles/:id/cards/sheet text/html',
    'POST /api/v1/aid/reports/3w text/csv',
    'POST /api/v1/reconstruction/funds.csv text/csv',
    'POST /api/v1/reconstruction/iati application/xml',
    'GET /api/v1/reconstruction/photos/:id image/jpeg',
    'GET /api/v1/reconstruction/claims/:id/documents/:documentId application/octet-stream',
    'GET /api/v1/reconstruction/dashboard.csv text/csv',
  ]);
});
