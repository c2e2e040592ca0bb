/** @module The sign-in lockout policy: after too many wrong passwords in a row, an account waits. */

export interface LockoutPolicy {
  /** Wrong passwords in a row that lock the account (NEWSDESK_SIGNIN_MAX_FAILURES). */
  maxFailures: number;
  /** How long it stays locked (NEWSDESK_SIGNIN_LOCK_MINUTES). */
  lockMinutes: number;
}

/** What a wrong password leaves on the account row. */
export interface FailedSigninOutcome {
  failedSignins: number;
  /** ISO time the lock ends, or null when this failure does not lock. */
  lockedUntil: string | null;
}

/** Whether the account is locked at `now`. */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}

/**
 * The row after one more wrong password, given how many came before it in a row. Reaching the limit
 * locks the account and starts the count again, so after the lock the owner has the full number of
 * tries rather than being locked again by their first typo.
 */
export function afterFailedSignin(
  failuresBefore: number,
  policy: LockoutPolicy,
  now: Date,
): FailedSigninOutcome {
  const failures = failuresBefore + 1;
  if (failures < policy.maxFailures) return { failedSignins: failures, lockedUntil: null };
  return {
    failedSignins: 0,
    lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(),
  };
}
