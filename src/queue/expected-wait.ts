import type { ClaimWait } from '../ports/waiting-queue-repository.js';

/** The claims an expected wait is taken from: the last 20 of the past week, and no number from fewer than 5. */
export const RECENT_CLAIMS = 20;
export const FEWEST_CLAIMS = 5;
const WEEK_MS = 7 * 86_400_000;

/**
 * "Usually answered within ~N min": the median time to claim of the bot's
 * recent claims, rounded up to whole minutes. Null when there are too few
 * to say (the customer then hears no number rather than a guess).
 */
export function expectedWaitMinutes(waits: ClaimWait[], now: Date): number | null {
  const recent = waits
    .filter((wait) => wait.at.getTime() > now.getTime() - WEEK_MS && wait.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-RECENT_CLAIMS)
    .map((wait) => wait.waitedMs)
    .sort((a, b) => a - b);
  if (recent.length < FEWEST_CLAIMS) return null;
  const middle = recent.length >> 1;
  const median = recent.length % 2 ? recent[middle]! : (recent[middle - 1]! + recent[middle]!) / 2;
  return Math.max(1, Math.ceil(median / 60_000));
}
