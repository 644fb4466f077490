/**
 * Dates as the roles files and the CLI write them. Kept free of zod so the CLI's argument parsing
 * (`--as-of`) can check a date without loading the schema stack.
 */

/** True when `text` is YYYY-MM-DD and names a real day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date `days` days after (or, negative, before) a YYYY-MM-DD date, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD, or ISO 8601 times, whose date part is used); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${from.slice(0, 10)}T00:00:00Z`) - Date.parse(`${to.slice(0, 10)}T00:00:00Z`)) / -86_400_000);
}
