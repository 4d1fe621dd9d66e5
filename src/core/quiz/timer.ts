/**
 * When the exam timer speaks: a screen reader hears the time left at a few milestones, never every second.
 * The page's clock ticks once a second, and a tick can come late (a hidden page is throttled), so a milestone
 * is announced when it is first reached, not only in the second it falls on.
 */

/** Minutes left at which the time is announced. */
export const ANNOUNCED_MINUTES = [60, 30, 15, 10, 5, 1] as const;

/** The latest milestone the time left has reached (the smallest one at or above it), if any. */
export function reachedMilestone(leftMs: number): number | undefined {
  let reached: number | undefined;
  for (const minutes of ANNOUNCED_MINUTES) if (leftMs <= minutes * 60_000) reached = minutes;
  return reached;
}

/** The milestone to announce on this tick: one reached since the last announced, the latest if several were. */
export function milestoneToAnnounce(leftMs: number, lastAnnounced: number | undefined): number | undefined {
  const reached = reachedMilestone(leftMs);
  if (reached === undefined || leftMs <= 0) return undefined;
  return lastAnnounced === undefined || reached < lastAnnounced ? reached : undefined;
}
