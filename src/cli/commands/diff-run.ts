import { loadActionCatalog } from '../../pipeline/action-catalog';
import { hasErrors, type Problem } from '../../load/problem';
import type { LoadedModel } from '../../pipeline/load-model';
import {
  brokenQuotes,
  checkGate,
  diffModels,
  GITHUB_COMMENT_LIMIT,
  renderInvalidJson,
  renderInvalidMarkdown,
  renderJson,
  renderMarkdown,
} from '../../review';
import type { RiskLevel } from '../../schema';
import { showValue } from '../../util/safe-text';
import { asOfOption, maxCharsOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { envAsOf, printProblems, problemSummary } from '../shared';
import { loadSides } from './load-sides';
import { diffCommand } from './diff';

const { usage } = diffCommand;
const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** Runs `rolecall diff` once its options are parsed and --help is answered. */
export function runDiff(parsed: Parsed, io: Io): number {
  if (parsed.positionals.length) throw new UsageError(`unexpected argument ${showValue(parsed.positionals[0])}`, usage);
  const baseRef = parsed.values.base;
  if (typeof baseRef !== 'string') throw new UsageError('missing --base REV', usage);
  const headRef = typeof parsed.values.head === 'string' ? parsed.values.head : undefined;
  const format = stringOption(parsed.values.format, 'md');
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format expects md or json, got ${showValue(format)}`, usage);
  const failOn = parsed.values['fail-on'];
  if (failOn !== undefined && !LEVELS.includes(failOn as RiskLevel))
    throw new UsageError(`--fail-on expects low, medium or high, got ${showValue(failOn)}`, usage);
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const maxChars = maxCharsOption(parsed.values['max-chars'], GITHUB_COMMENT_LIMIT, usage);

  const { base, head, labels } = loadSides(io, usage, { baseRef, headRef, rolesOption, asOf });

  if (!base.model || !head.model) {
    const errors = (loaded: LoadedModel): Problem[] => loaded.problems.filter((problem) => problem.severity === 'error');
    for (const [side, loaded] of [
      ['base', base],
      ['head', head],
    ] as const) {
      if (!hasErrors(loaded.problems)) continue;
      io.err(`${side} ${labels[side].ref}: invalid: ${problemSummary(loaded.problems)}\n`);
      printProblems(errors(loaded), io);
    }
    const invalid = {
      ...labels,
      asOf,
      problems: { base: errors(base), head: errors(head) },
      brokenQuotes: head.model ? [] : brokenQuotes(base.bundle, head.bundle),
    };
    io.out(format === 'json' ? renderInvalidJson(invalid) : renderInvalidMarkdown(invalid, maxChars));
    return EXIT.invalid;
  }

  const diff = diffModels(base.model, head.model, { catalog: loadActionCatalog() });
  const gate = failOn === undefined ? undefined : checkGate(diff, failOn as RiskLevel);
  const report = { ...labels, diff, ...(gate ? { gate } : {}) };
  io.out(format === 'json' ? renderJson(report) : renderMarkdown(report, maxChars));
  return gate?.failed ? EXIT.invalid : EXIT.ok;
}
