// The database answers (GET /healthz), and which driver errors mean it does not.
import type pg from 'pg';
import { errors } from '../errors.ts';

/** The longest the health check waits for the database. */
const HEALTH_MS = 5_000;

/** The database answers within HEALTH_MS, else 503 database_unavailable; `lost` says the embedded server died. */
export async function databaseAnswers(pool: pg.Pool, lost?: string): Promise<void> {
  if (lost !== undefined) throw errors.databaseUnavailable();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(errors.databaseUnavailable()), HEALTH_MS);
  });
  try {
    await Promise.race([pool.query('SELECT 1'), late]);
  } catch (e) {
    throw isUnavailable(e) ? errors.databaseUnavailable() : e;
  } finally {
    clearTimeout(timer);
  }
}

// Connection refused or reset, the server shutting down or starting, a connection lost, no
// connection from the pool in time: the database is not there (SQLSTATE classes 08 and 57P).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message, id } = e as { code?: unknown; message?: unknown; id?: unknown };
  if (id === 'database_unavailable') return true;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}
