export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * `ms` after an ISO instant, as ISO. Times here are calendar hours: the playbook states its limits that way,
 * and the rep edits a proposal that lands at night. An unreadable instant is returned as given, never thrown on.
 */
export function later(at: string, ms: number): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t + ms).toISOString() : at;
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export function latest(a: string, b: string): string {
  return isBefore(a, b) ? b : a;
}
