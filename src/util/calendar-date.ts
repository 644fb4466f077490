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
