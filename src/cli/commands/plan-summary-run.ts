import type { Problem } from '../../load/problem';
import { summarisePlans } from '../../review/plan/plan-changes';
import { readPlan, type ReadPlan } from '../../review/plan/read-plan';
import { renderPlanJson, renderPlanMarkdown } from '../../review/plan/render-plan';
import { showValue } from '../../util/safe-text';
import { GITHUB_COMMENT_LIMIT } from '../../review/markdown-budget';
import { maxCharsOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { readInputFile } from '../read-input-file';
import { printProblems, problemSummary } from '../shared';
import { planSummaryCommand } from './plan-summary';

const { usage } = planSummaryCommand;

/** Runs `rolecall plan-summary FILE...` once its options are parsed and --help is answered. */
export function runPlanSummary(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length === 0) throw new UsageError('missing FILE: the output of `terraform show -json PLANFILE`', usage);
  const format = stringOption(parsed.values.format, 'md');
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format expects md or json, got ${showValue(format)}`, usage);
  const maxChars = maxCharsOption(parsed.values['max-chars'], GITHUB_COMMENT_LIMIT, usage);
  const problems: Problem[] = [];
  const plans: ReadPlan[] = [];
  for (const file of parsed.positionals) {
    const text = readInputFile(io.cwd, file, problems, PLAN_FILE)?.text;
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
  io.out(format === 'json' ? renderPlanJson(summary) : renderPlanMarkdown(summary, maxChars));
  return EXIT.ok;
}

/** Largest plan read: far beyond the JSON of any stack rolecall synthesizes. */
const PLAN_FILE = {
  what: 'a plan',
  reader: 'a plan summary',
  maxBytes: 1024 * 1024 * 1024,
  hint: 'give the file `terraform show -json PLANFILE` wrote',
};
