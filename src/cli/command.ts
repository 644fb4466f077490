import type { Io } from './io';

/** A CLI command: a name, its help text, and a function returning the exit code. */
export interface Command {
  /** Words that select it, e.g. `['jd', 'parse']`. */
  readonly name: readonly string[];
  readonly summary: string;
  /** Full help, printed by `--help`. */
  readonly usage: string;
  readonly run: (argv: readonly string[], io: Io) => number | Promise<number>;
}
