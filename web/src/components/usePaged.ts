import { useState } from 'react';
import { useLoad } from './useLoad.ts';

type Page<I> = { items: I[]; nextCursor: string | null };

/**
 * A list read a page at a time: the first page as `useLoad` loads it (again when `deps` change or on
 * `first.reload`), and `loadMore` appending the next ones. Pages loaded after an earlier first page are
 * dropped when the first page is loaded again.
 */
export function usePaged<I>(load: (cursor: string | null) => Promise<Page<I>>, deps: unknown[]) {
  const first = useLoad(() => load(null), deps);
  const [more, setMore] = useState<{ after: Page<I>; items: I[]; next: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const page = first.data;
  const extra = page && more?.after === page ? more : null;
  const items = page ? [...page.items, ...(extra?.items ?? [])] : null;
  const next = extra ? extra.next : (page?.nextCursor ?? null);
  async function loadMore() {
    if (!page || !next) return;
    setBusy(true);
    setError(null);
    try {
      const p = await load(next);
      setMore({ after: page, items: [...(extra?.items ?? []), ...p.items], next: p.nextCursor });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { items, next, first, busy, error, loadMore };
}
