import { loadActionCatalog } from './action-catalog';
import type { Problem } from '../load/problem';
import { buildAccessModel } from '../model/build/build-access-model';
import { modelBuildable } from '../model/check/model-buildable';
import { brokenQuotes, type BrokenQuote } from '../review/broken-quotes';
import { loadModel, type LoadedModel, type LoadModelOptions } from './load-model';

/**
 * Loads the model for an audit. A duty quote its JD no longer contains stops `validate`, but it is
 * exactly what an audit must report (a broken justification) rather than refuse to run on: when those
 * are the only errors, the model is built anyway, the quotes are returned, and their problems become
 * warnings. Any other error still means no model.
 */
export function loadAuditModel(
  rolesDir: string,
  asOf: string,
  displayDir?: string,
  options: Pick<LoadModelOptions, 'texts'> = {},
): LoadedModel & { brokenQuotes: readonly BrokenQuote[] } {
  const loaded = loadModel(rolesDir, asOf, displayDir, options);
  if (loaded.model) return { ...loaded, brokenQuotes: [] };
  const broken = brokenQuotes(undefined, loaded.bundle);
  const places = new Set(broken.map((quote) => `${quote.at.file}:${quote.at.line}`));
  const isBroken = (problem: Problem): boolean =>
    problem.severity === 'error' && places.has(`${problem.file}:${problem.line}`) && problem.message.includes('quote not found in ');
  const blocking = loaded.problems.filter((problem) => problem.severity === 'error' && !isBroken(problem));
  if (broken.length === 0 || blocking.length > 0 || !modelBuildable(loaded.bundle)) return { ...loaded, brokenQuotes: broken };
  const model = buildAccessModel({ bundle: loaded.bundle, asOf, catalog: loadActionCatalog() });
  const problems = loaded.problems.map((problem): Problem => (isBroken(problem) ? { ...problem, severity: 'warning' } : problem));
  return { bundle: loaded.bundle, problems, model, brokenQuotes: broken };
}
