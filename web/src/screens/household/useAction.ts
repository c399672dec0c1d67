// One write of the household page: busy, the error (shown in the reader's language by the caller),
// and one operation id per intended change, so a retry after a dropped connection cannot record it
// twice; a new id once it went through.
import { useState } from 'react';
import { newOperationId } from '../../api/client.ts';
import { useSession } from '../../session.tsx';

export function useAction() {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [operationId, setOperationId] = useState(newOperationId);
  async function post<T>(path: string, body: unknown): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<T>(path, body, { idempotencyKey: operationId });
      setOperationId(newOperationId());
      return r;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, post, clear: () => setError(null) };
}

/** Today as YYYY-MM-DD (the default date of a change). */
export const today = () => new Date().toISOString().slice(0, 10);
