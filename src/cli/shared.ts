import { resolve } from 'node:path';
import { formatProblem, hasErrors, type Problem } from '../load/problem';
import { defaultAsOf, loadModel, type LoadedModel, type LoadModelOptions } from '../pipeline/load-model';
import { asOfOption, stringOption, type Parsed } from './args';
import { UsageError, type Io } from './io';

/** Loads the model for a command from its `--roles` and `--as-of` options, printing every problem. */
export function loadForCommand(parsed: Parsed, io: Io, usage: string, options: LoadModelOptions = {}): LoadedModel & { asOf: string } {
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const loaded = loadModel(resolve(io.cwd, rolesOption), asOf, displayPath(rolesOption), options);
  printProblems(loaded.problems, io);
  return { ...loaded, asOf };
}

/** The date from ROLECALL_AS_OF or today; a malformed ROLECALL_AS_OF is a usage error. */
export function envAsOf(io: Io, usage: string): string {
  const result = defaultAsOf(io.env, io.now);
  if (result.error !== undefined) throw new UsageError(result.error, usage);
  return result.asOf;
}

/** Prints problems one per line on stderr. */
export function printProblems(problems: readonly Problem[], io: Io): void {
  for (const problem of problems) io.err(`${formatProblem(problem)}\n`);
}

/** Summary line for a failed load: how many errors and warnings. */
export function problemSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Normalises a user-given directory for display: no trailing slash, no leading `./`. */
export function displayPath(path: string): string {
  return path.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
}

export { hasErrors };
