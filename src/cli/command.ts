import { parseCommandArgs, type OptionSpec, type Parsed } from './args';
import { EXIT, type Io } from './io';

/** What a command does once its options are parsed and `--help` is answered; returns the exit code. */
export type CommandRun = (parsed: Parsed, io: Io) => number | Promise<number>;

/**
 * A CLI command as `--help` and dispatch see it: its name, help text and options, all cheap to load.
 * The implementation sits behind `load`, a `require` made only when the command runs, so listing the
 * commands or printing one's help never loads yaml, zod, the JD parsers or the IAM catalog.
 */
export interface Command {
  /** Words that select it, e.g. `['jd', 'parse']`. */
  readonly name: readonly string[];
  readonly summary: string;
  /** Full help, printed by `--help`. */
  readonly usage: string;
  /** The options it takes besides those every command takes (`--roles`, `--help`). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Loads the implementation; called only when the command runs. */
  readonly load: () => CommandRun;
}

/**
 * Runs `command` on its arguments: parses them strictly (an unknown option is a usage error even
 * with `--help`), answers `--help` from the light part, and only then loads the implementation.
 */
export function runCommand(command: Command, argv: readonly string[], io: Io): number | Promise<number> {
  const parsed = parseCommandArgs(argv, command.options, command.usage);
  if (parsed.values.help) {
    io.out(`${command.usage}\n`);
    return EXIT.ok;
  }
  return command.load()(parsed, io);
}
