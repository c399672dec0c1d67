// The HTTP client: JSON over fetch with the session's Bearer token. Personal data travels in
// POST bodies only; URLs carry opaque ids. A 401 on a signed-in request ends the session.
import { BODY_LIMIT_BYTES } from '../../../src/shared/limits.ts';
import type { FieldError, Problem } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
  }
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** The request never reached the server (offline, DNS, reset). */
export class NetworkError extends Error {}

export type Api = {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body: unknown, opts?: { idempotencyKey?: string }) => Promise<T>;
  put: <T>(path: string, body: unknown, opts?: { idempotencyKey?: string }) => Promise<T>;
  /** POSTs and receives a file (an export): its bytes, the name the server gives it and its headers. */
  download: (path: string, body: unknown) => Promise<Download>;
  /** POSTs bytes (a photo) with their media type; answers JSON. */
  upload: <T>(path: string, body: Blob, type: string) => Promise<T>;
  /** GETs bytes (a photo). */
  blob: (path: string) => Promise<Blob>;
};

export type Download = { blob: Blob; fileName: string; headers: Headers };

function deviceId(): string {
  try {
    let id = localStorage.getItem('sanad.device');
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem('sanad.device', id);
    }
    return id;
  } catch {
    return 'web';
  }
}

export function newOperationId(): string {
  return crypto.randomUUID();
}

export function makeApi(token: string | null, onUnauthorized: () => void): Api {
  function headersFor(accept: string, body: unknown, idempotencyKey?: string): Record<string, string> {
    const headers: Record<string, string> = { accept, 'x-device-id': deviceId() };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    return headers;
  }
  async function send(method: 'GET' | 'POST' | 'PUT', path: string, headers: Record<string, string>, body: unknown): Promise<Response> {
    const json = body === undefined ? undefined : JSON.stringify(body);
    // What the server would refuse (413) is not sent at all: no megabytes uploaded over a poor connection.
    if (json !== undefined && json.length * 3 > BODY_LIMIT_BYTES && new TextEncoder().encode(json).length > BODY_LIMIT_BYTES)
      throw new ApiError(413, { type: '/problems/payload_too_large', title: 'Request body too large', status: 413 });
    try {
      return await fetch(path, {
        method,
        headers,
        body: json,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new NetworkError('network');
    }
  }
  async function failure(res: Response): Promise<ApiError> {
    let json: unknown = null;
    try {
      json = JSON.parse(await res.text());
    } catch {
      json = null;
    }
    if (res.status === 401 && token) onUnauthorized();
    return new ApiError(res.status, json && typeof json === 'object' && 'status' in json ? (json as Problem) : null);
  }
  async function download(path: string, body: unknown): Promise<Download> {
    const res = await send('POST', path, headersFor('*/*', body), body);
    if (!res.ok) throw await failure(res);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { blob: await res.blob(), fileName: name, headers: res.headers };
  }
  async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const res = await send(method, path, headersFor('application/json', body, idempotencyKey), body);
    if (!res.ok) throw await failure(res);
    const text = await res.text();
    try {
      return (text ? JSON.parse(text) : null) as T;
    } catch {
      return null as T;
    }
  }
  async function bytes(path: string, body?: Blob, type?: string): Promise<Response> {
    const headers = headersFor(body ? 'application/json' : '*/*', undefined);
    if (body && type) headers['content-type'] = type;
    let res: Response;
    try {
      res = await fetch(path, { method: body ? 'POST' : 'GET', headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new NetworkError('network');
    }
    if (!res.ok) throw await failure(res);
    return res;
  }
  return {
    upload: async <T>(path: string, body: Blob, type: string) => (await (await bytes(path, body, type)).json()) as T,
    blob: async (path: string) => (await bytes(path)).blob(),
    get: (path) => request('GET', path),
    post: (path, body, opts) => request('POST', path, body, opts?.idempotencyKey),
    put: (path, body, opts) => request('PUT', path, body, opts?.idempotencyKey),
    download,
  };
}
