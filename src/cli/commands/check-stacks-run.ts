import { resolve } from 'node:path';
import { checkStacks } from '../../terraform/check-stacks';
import { stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { checkStacksCommand } from './check-stacks';

const { usage } = checkStacksCommand;

/** Runs `rolecall check-stacks` once its options are parsed and --help is answered. */
export async function runCheckStacks(parsed: Parsed, io: Io): Promise<number> {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, usage);
  const results = await checkStacks(resolve(io.cwd, stringOption(parsed.values.dir, 'cdktf.out')), {
    plan: parsed.values.plan === true,
    env: io.env,
    progress: (line) => io.err(`rolecall: check-stacks: ${line}\n`),
  });
  for (const result of results) {
    const line = `${result.stack}: ${result.status}: ${result.detail}\n`;
    (result.status === 'failed' ? io.err : io.out)(result.status === 'skipped' ? `${result.stack}: SKIPPED: ${result.detail}\n` : line);
  }
  return results.some((result) => result.status === 'failed') ? EXIT.invalid : EXIT.ok;
}
