/** @module Undoing something that may fail for a while (the database away), in the background. */

/**
 * Calls `attempt` until it succeeds, every `everyMs`, for at most `forMs` (then gives up: whatever it
 * was to undo has lapsed by itself). The first call is made at once.
 */
export function retryFor(attempt: () => Promise<unknown>, everyMs: number, forMs: number): Promise<boolean> {
  const until = Date.now() + forMs;
  const once = (): Promise<boolean> =>
    attempt().then(
      () => true,
      () =>
        Date.now() + everyMs > until
          ? false
          : new Promise<boolean>((resolve) => {
              setTimeout(() => resolve(once()), everyMs).unref();
            }),
    );
  return once();
}
