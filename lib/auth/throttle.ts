/**
 * The sign-in throttle, as a pure rule over the times of recent failed attempts.
 * An account is refused for 15 minutes once it has 5 failures within 15 minutes; a client
 * address likewise at a higher bound. Refusals are not failures, so they do not extend a lock.
 */
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const clientRule: ThrottleRule = { maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** How far back failures can matter: a window that ended just now plus the lock after it. */
export const throttleLookbackMs = Math.max(
  accountRule.windowMs + accountRule.lockMs,
  clientRule.windowMs + clientRule.lockMs,
);

/** When the lock ends, or null if attempts are allowed at `now`. */
export function lockedUntil(failures: readonly Date[], rule: ThrottleRule, now: Date): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = rule.maxFailures - 1; i < times.length; i++) {
    if (times[i] - times[i - rule.maxFailures + 1] <= rule.windowMs) {
      const end = times[i] + rule.lockMs;
      if (until === null || end > until) until = end;
    }
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}
