import { runCommand, type Command } from './command';
import { explainCommand } from './commands/explain';
import { jdDraftCommand } from './commands/jd-draft';
import { jdParseCommand } from './commands/jd-parse';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { checkStacksCommand } from './commands/check-stacks';
import { reportCommand } from './commands/report';
import { diffCommand } from './commands/diff';
import { planSummaryCommand } from './commands/plan-summary';
import { onboardCommand } from './commands/onboard';
import { offboardCommand } from './commands/offboard';
import { checkRemovalCommand } from './commands/check-removal';
import { packetCommand } from './commands/packet';
import { dueCommand } from './commands/due';
import { auditCommand } from './commands/audit';
import { adoptCommand } from './commands/adopt';
import { EXIT, IoError, UsageError, type Io } from './io';
import { escapeUnsafe, showValue } from '../util/safe-text';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  explainCommand,
  reportCommand,
  auditCommand,
  adoptCommand,
  diffCommand,
  checkRemovalCommand,
  planSummaryCommand,
  onboardCommand,
  offboardCommand,
  packetCommand,
  dueCommand,
  jdParseCommand,
  jdDraftCommand,
  schemaCommand,
  checkStacksCommand,
];

const usage = `usage: rolecall <command> [options]

rolecall turns job descriptions into justified access: AWS IAM, GitHub teams, on-call rotations.

commands:
${COMMANDS.map((command) => `  ${command.name.join(' ').padEnd(14)} ${command.summary}`).join('\n')}

Every command takes --roles DIR (default ./roles) and --help.
exit: 0 fine, 1 invalid input or findings, 2 usage error`;

/**
 * Runs the CLI on `argv` (without the node and script names) and returns the exit code. The only
 * place that maps errors to exit codes; it never lets a stack trace reach the user for bad input.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.err : io.out)(`${usage}\n`);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const command =
    COMMANDS.find((candidate) => candidate.name.length === 2 && candidate.name[0] === first && candidate.name[1] === second) ??
    COMMANDS.find((candidate) => candidate.name.length === 1 && candidate.name[0] === first);
  if (!command) {
    const group = COMMANDS.filter((candidate) => candidate.name[0] === first);
    const message = group.length
      ? `${first} needs a subcommand: ${group.map((candidate) => candidate.name.join(' ')).join(', ')}`
      : `unknown command ${showValue(first)}`;
    io.err(`rolecall: ${message}\n\n${usage}\n`);
    return EXIT.usage;
  }
  try {
    return await runCommand(command, argv.slice(command.name.length), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`rolecall ${command.name.join(' ')}: ${escapeUnsafe(error.message)}\n\n${error.usage ?? command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof IoError) {
      io.err(`rolecall ${command.name.join(' ')}: ${escapeUnsafe(error.message)}\n`);
      return EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(
      `rolecall: internal error: ${escapeUnsafe(message)} (please report this with the command you ran; ROLECALL_DEBUG=1 shows the stack)\n`,
    );
    if (io.env.ROLECALL_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT.invalid;
  }
}

/**
 * Process entry: runs with the real streams and exits with the command's code. A reader that closes
 * the pipe early (`rolecall explain x | head -1`) ends the run quietly, as other Unix tools do.
 */
export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      throw error;
    });
  }
  const code = await run(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: new Date(),
  });
  process.exitCode = code;
}
