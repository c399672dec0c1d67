// The one retry rule: PostgreSQL aborts one of two transactions to break a deadlock (40P01) or a
// serialisation conflict (40001). The other went through; the aborted one, rolled back entirely,
// can simply run again after a short, growing, jittered pause.
const RETRYABLE = new Set(['40P01', '40001']);
export const MAX_ATTEMPTS = 5;

export const isRetryable = (e: unknown): boolean => RETRYABLE.has((e as { code?: string } | null)?.code ?? '');

/** Runs `once` until it succeeds, fails for another reason, or has been tried `attempts` times. */
export async function retrying<T>(once: () => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (e) {
      if (!isRetryable(e) || attempt >= attempts) throw e;
    }
    await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
  }
}
