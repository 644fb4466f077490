import { parseArgs } from 'node:util';
import { UsageError } from './io';
import { isCalendarDate } from '../util/calendar-date';
import { showValue } from '../util/safe-text';

/** An option a command accepts. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** May be given more than once (`--role a --role b`): its values are in `Parsed.lists`. */
  readonly multiple?: boolean;
}

/** Parsed command line of one command. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  /** The values of options given more than once, in order (empty lists are left out). */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
}

/** The options every command takes. */
export const COMMON_OPTIONS = {
  roles: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** Parses `argv` strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs(argv: readonly string[], options: Record<string, OptionSpec>, usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    const multiple = Object.keys(options).filter((name) => options[name]?.multiple);
    if (multiple.length === 0) return { values: values as Parsed['values'], positionals };
    const single: Record<string, string | boolean | undefined> = {};
    const lists: Record<string, readonly string[]> = {};
    for (const [name, value] of Object.entries(values)) {
      if (multiple.includes(name) && Array.isArray(value)) lists[name] = value.map(String);
      else single[name] = value as string | boolean | undefined;
    }
    return { values: single, positionals, lists };
  } catch (error) {
    // node:util errors may come from another realm (under jest), so read the message by shape.
    const text = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    const first = (text.split('\n')[0] ?? text).split('. ')[0] ?? text;
    throw new UsageError(first.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/\.$/, ''), usage);
  }
}

/** The `--as-of` date, checked, or undefined when absent. */
export function asOfOption(value: string | boolean | undefined, usage: string): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`--as-of expects a date YYYY-MM-DD, got ${showValue(value)}`, usage);
  return value;
}

/** A string option's value, or the fallback. */
export function stringOption(value: string | boolean | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** Room a Markdown output may take: at least a screenful, at most a GitHub job summary (1 MiB per step). */
const MAX_CHARS = { min: 2_000, max: 1_048_576 } as const;

/**
 * `--max-chars N` of a Markdown output, or `fallback`: a pull-request comment keeps GitHub's 65,536;
 * a job summary can take up to 1 MiB, so the same run can write the fuller text there.
 */
export function maxCharsOption(value: string | boolean | undefined, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(count >= MAX_CHARS.min && count <= MAX_CHARS.max)) {
    throw new UsageError(
      `--max-chars expects a whole number from ${MAX_CHARS.min} to ${MAX_CHARS.max}, got ${showValue(String(value))}`,
      usage,
    );
  }
  return count;
}
