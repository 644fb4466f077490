import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../../load/problem';
import { summarisePlans } from '../../review/plan/plan-changes';
import { readPlan, type ReadPlan } from '../../review/plan/read-plan';
import { renderPlanJson, renderPlanMarkdown } from '../../review/plan/render-plan';
import { showValue } from '../../util/safe-text';
import { stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { printProblems, problemSummary } from '../shared';
import { planSummaryCommand } from './plan-summary';

const { usage } = planSummaryCommand;

/** Runs `rolecall plan-summary FILE...` once its options are parsed and --help is answered. */
export function runPlanSummary(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length === 0) throw new UsageError('missing FILE: the output of `terraform show -json PLANFILE`', usage);
  const format = stringOption(parsed.values.format, 'md');
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format expects md or json, got ${showValue(format)}`, usage);
  const problems: Problem[] = [];
  const plans: ReadPlan[] = [];
  for (const file of parsed.positionals) {
    const text = readPlanFile(resolve(io.cwd, file), file, problems);
    if (text === undefined) continue;
    const read = readPlan(file, text);
    problems.push(...read.problems);
    if (read.plan) plans.push(read.plan);
  }
  if (problems.length > 0) {
    printProblems(problems, io);
    io.err(`invalid: ${problemSummary(problems)}\n`);
    return EXIT.invalid;
  }
  const summary = summarisePlans(plans);
  io.out(format === 'json' ? renderPlanJson(summary) : renderPlanMarkdown(summary));
  return EXIT.ok;
}

/** Largest plan read: far beyond the JSON of any stack rolecall synthesizes. */
const MAX_PLAN_BYTES = 1024 * 1024 * 1024;

/** A plan file's text, or undefined with a problem: only a regular file is read (a FIFO would block). */
function readPlanFile(path: string, file: string, problems: Problem[]): string | undefined {
  const refuse = (message: string): undefined => void problems.push({ severity: 'error', file, line: 1, column: 1, message, hint: 'give the file `terraform show -json PLANFILE` wrote' });
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (!info.isFile()) return refuse(`${info.isDirectory() ? 'a directory' : 'not a regular file'}, not a plan`);
  if (info.size > MAX_PLAN_BYTES) return refuse(`${info.size} bytes, over the ${MAX_PLAN_BYTES} a plan summary reads`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return refuse(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}
