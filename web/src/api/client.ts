// The HTTP client: JSON over fetch with the session's Bearer token. Personal data travels in
// POST bodies only; URLs carry opaque ids. A 401 on a signed-in request ends the session.
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
};

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
  async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-device-id': deviceId() };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new NetworkError('network');
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      if (res.status === 401 && token) onUnauthorized();
      throw new ApiError(res.status, json && typeof json === 'object' && 'status' in json ? (json as Problem) : null);
    }
    return json as T;
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body, opts) => request('POST', path, body, opts?.idempotencyKey),
    put: (path, body, opts) => request('PUT', path, body, opts?.idempotencyKey),
  };
}
