import { resolve } from 'node:path';
import { loadActionCatalog } from '../../load/action-catalog';
import { GitRevisionError, snapshotRolesDir, type GitSnapshot } from '../../load/git-snapshot';
import { startSnapshot } from '../../load/git-snapshot-thread';
import { hasErrors, type Problem } from '../../load/problem';
import { loadModel, type LoadedModel } from '../../pipeline/load-model';
import { brokenQuotes, checkGate, diffModels, renderInvalidJson, renderInvalidMarkdown, renderJson, renderMarkdown, type SideLabel } from '../../review';
import type { RiskLevel } from '../../schema';
import { showValue } from '../../util/safe-text';
import { asOfOption, stringOption, type Parsed } from '../args';
import { EXIT, UsageError, type Io } from '../io';
import { displayPath, envAsOf, printProblems, problemSummary } from '../shared';
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
  if (failOn !== undefined && !LEVELS.includes(failOn as RiskLevel)) throw new UsageError(`--fail-on expects low, medium or high, got ${showValue(failOn)}`, usage);
  const asOf = asOfOption(parsed.values['as-of'], usage) ?? envAsOf(io, usage);
  const rolesOption = stringOption(parsed.values.roles, 'roles');
  const shown = displayPath(rolesOption);

  const snapshots: GitSnapshot[] = [];
  const taken = (option: string, take: () => GitSnapshot): GitSnapshot => {
    try {
      const snapshot = take();
      snapshots.push(snapshot);
      return snapshot;
    } catch (error) {
      if (error instanceof GitRevisionError) throw new UsageError(`${option}: ${error.message}`, usage);
      throw error;
    }
  };
  let base: LoadedModel;
  let head: LoadedModel;
  const labels: { base: SideLabel; head: SideLabel } = { base: { ref: baseRef }, head: { ref: headRef ?? 'working tree' } };
  // The base is copied out of git on a second thread while the head loads; a JD both sides share is
  // parsed once, by whichever side loads first.
  const takeBase = startSnapshot({ cwd: io.cwd, rolesDir: rolesOption, revision: baseRef });
  let baseTaken = false;
  const baseSnapshot = (): GitSnapshot => {
    baseTaken = true;
    return taken('--base', takeBase);
  };
  try {
    let headSnapshot: GitSnapshot | undefined;
    try {
      headSnapshot = headRef === undefined ? undefined : taken('--head', () => snapshotRolesDir({ cwd: io.cwd, rolesDir: rolesOption, revision: headRef }));
    } catch (error) {
      baseSnapshot(); // a bad --base is named first
      throw error;
    }
    if (headSnapshot && headRef !== undefined) labels.head = { ref: headRef, commit: headSnapshot.commit };
    // Problems name the revision the way git does (`main:roles/people.yaml`), so each side is unambiguous.
    head = headSnapshot ? loadModel(headSnapshot.dir, asOf, `${headRef}:${shown}`) : loadModel(resolve(io.cwd, rolesOption), asOf, shown);
    const from = baseSnapshot();
    labels.base = { ref: baseRef, commit: from.commit };
    base = loadModel(from.dir, asOf, `${baseRef}:${shown}`);
  } finally {
    // Whatever went wrong, the base's copy is collected and every copy removed.
    if (!baseTaken) {
      try {
        baseSnapshot();
      } catch {
        // Already on its way out: the first error is the one to report.
      }
    }
    for (const snapshot of snapshots) snapshot.remove();
  }

  if (!base.model || !head.model) {
    const errors = (loaded: LoadedModel): Problem[] => loaded.problems.filter((problem) => problem.severity === 'error');
    for (const [side, loaded] of [['base', base], ['head', head]] as const) {
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
    io.out(format === 'json' ? renderInvalidJson(invalid) : renderInvalidMarkdown(invalid));
    return EXIT.invalid;
  }

  const diff = diffModels(base.model, head.model, { catalog: loadActionCatalog() });
  const gate = failOn === undefined ? undefined : checkGate(diff, failOn as RiskLevel);
  const report = { ...labels, diff, ...(gate ? { gate } : {}) };
  io.out(format === 'json' ? renderJson(report) : renderMarkdown(report));
  return gate?.failed ? EXIT.invalid : EXIT.ok;
}
