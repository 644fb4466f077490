import { loadActionCatalog } from './action-catalog';
import { loadRoles } from '../load/load-roles';
import { hasErrors, sortProblems, type Problem } from '../load/problem';
import type { RolesBundle } from '../load/roles-bundle';
import { buildAccessModel } from '../model/build/build-access-model';
import { focusBundle } from '../model/build/focus-bundle';
import { checkAcceptanceDates } from '../model/check/check-acceptance-dates';
import { checkAcceptanceScope } from '../model/check/check-acceptance-scope';
import { checkBundle } from '../model/check/check-bundle';
import { checkModel } from '../model/check/check-model';
import { checkShards } from '../model/check/check-shards';
import { checkCapabilityPolicies } from '../model/check/check-capability-policies';
import { modelBuildable } from '../model/check/model-buildable';
import type { AccessModel } from '../model/types';
import { isCalendarDate } from '../schema/common';
import { showValue } from '../util/safe-text';

/** The outcome of reading a roles directory: problems, and the model when there were no errors. */
export interface LoadedModel {
  readonly bundle: RolesBundle;
  readonly problems: readonly Problem[];
  readonly model?: AccessModel;
}

/** How much of a roles directory to check and build. */
export interface LoadModelOptions {
  /**
   * A person or role id: only what its access depends on is checked and built (see `focusBundle`), so
   * that explaining one person does not cost the whole organisation. Every file is still read and
   * schema-checked. An id that names nobody loads everything.
   */
  readonly focus?: string;
  /** Files to read from memory instead of the directory, by name: an edit checked before it is written. */
  readonly texts?: ReadonlyMap<string, string>;
}

/**
 * Reads a roles directory, checks it, and builds the access model as of `asOf` (YYYY-MM-DD).
 * Every problem of every file is collected; the model is built only when none is an error.
 */
export function loadModel(rolesDir: string, asOf: string, displayDir?: string, options: LoadModelOptions = {}): LoadedModel {
  const catalog = loadActionCatalog();
  const { focus, texts } = options;
  const loaded = loadRoles(rolesDir, displayDir, {
    whileJdsParse: (capabilities) => checkCapabilityPolicies({ capabilities }, catalog),
    ...(texts ? { texts } : {}),
    ...(focus !== undefined ? { select: (bundle: RolesBundle) => focusBundle(bundle, focus) ?? bundle } : {}),
  });
  // The acceptance dates need only asOf, not the model: checked here, they are reported with every other error.
  const problems = [
    ...loaded.problems,
    ...checkBundle(loaded.bundle),
    ...checkAcceptanceScope(loaded.bundle),
    ...checkAcceptanceDates(loaded.bundle, asOf),
  ];
  if (hasErrors(problems)) {
    // Still build what loaded, so the model's own checks (quotas, rotation sizes) come out in this run too.
    if (!modelBuildable(loaded.bundle)) return { bundle: loaded.bundle, problems: sortProblems(problems) };
    const partial = buildAccessModel({ bundle: loaded.bundle, asOf, catalog });
    return {
      bundle: loaded.bundle,
      problems: sortProblems(
        unique([...problems, ...checkModel(partial, loaded.bundle, { partial: true }), ...checkShards(partial, loaded.bundle)]),
      ),
    };
  }
  const model = buildAccessModel({ bundle: loaded.bundle, asOf, catalog });
  const all = sortProblems([...problems, ...checkModel(model, loaded.bundle), ...checkShards(model, loaded.bundle)]);
  return hasErrors(all) ? { bundle: loaded.bundle, problems: all } : { bundle: loaded.bundle, problems: all, model };
}

/** The date to build for, or why ROLECALL_AS_OF cannot be used. */
export type AsOf = { readonly asOf: string; readonly error?: undefined } | { readonly asOf?: undefined; readonly error: string };

/**
 * Today's date (UTC) as YYYY-MM-DD, or ROLECALL_AS_OF when set, which must then be a real calendar
 * date: "valid as of notadate" would pass a check that never ran. Only entry points call this.
 */
export function defaultAsOf(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): AsOf {
  const fromEnv = env.ROLECALL_AS_OF;
  if (fromEnv === undefined) return { asOf: now.toISOString().slice(0, 10) };
  if (!isCalendarDate(fromEnv)) return { error: `ROLECALL_AS_OF: expected a date YYYY-MM-DD, got ${showValue(fromEnv)}` };
  return { asOf: fromEnv };
}

/** The problems, each once: a check of the partial model may meet what a file check already said. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
