import type { ActionCatalog } from '../model/iam/action-catalog';
import type { AccessModel } from '../model/types';
import { capabilityChanges } from './capability-changes';
import { diffSide } from './diff-side';
import type { AccessDiff, ValueChange } from './diff-types';
import { actionExpander } from './expand-action';
import { justificationChanges } from './justification-changes';
import { matchRoles, renames } from './match-roles';
import { personChanges, valueChange } from './person-changes';
import { RiskCollector } from './risk-collector';
import { roleChanges } from './role-changes';
import { rotationChanges } from './rotation-changes';
import { sortDiff } from './sort-diff';

/** Options of {@link diffModels}. */
export interface DiffOptions {
  /**
   * The IAM action catalog, to expand wildcard actions (`s3:*`, `ec2:Describe*`) and to group actions by
   * access level.
   * @default none: actions are compared as written, lower case, and their level is `unknown`
   */
  readonly catalog?: ActionCatalog;
}

/**
 * The access diff from `base` to `head`: a pure function of the two models, deterministic (every list
 * sorted) and mirror-symmetric (`diffModels(head, base)` is `mirrorDiff(diffModels(base, head))`). Access
 * is compared as sets: AWS (account, action, resource, conditions) tuples after wildcard expansion and
 * managed policies, GitHub repository permissions and team memberships, rotation membership and order.
 * Reordering or reformatting the YAML, or cutting a capability differently with the same grants and
 * reasons, gives an empty diff.
 */
export function diffModels(base: AccessModel, head: AccessModel, options: DiffOptions = {}): AccessDiff {
  if (base.asOf !== head.asOf) throw new Error(`internal: both models must be built as of one date, got ${base.asOf} and ${head.asOf}`);
  const expand = actionExpander(options.catalog);
  const before = diffSide(base, expand);
  const after = diffSide(head, expand);
  const risks = new RiskCollector(before, after);
  const pairs = matchRoles(before, after);
  const renamed = renames(pairs);

  const people = personChanges(before, after, risks);
  const roles = roleChanges(before, after, pairs, risks);
  const changedAccess = new Set(risks.items().flatMap((item) => (item.capability !== undefined ? [item.capability] : [])));
  const capabilities = capabilityChanges(before, after, changedAccess, renamed, risks);

  return sortDiff({
    asOf: head.asOf,
    risks: risks.items(),
    people,
    roles,
    capabilities,
    rotations: rotationChanges(before, after),
    justifications: justificationChanges(before, after, pairs),
    settings: settingChanges(base, head),
  });
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: AccessDiff): boolean {
  const { justifications } = diff;
  return (
    diff.risks.length === 0 &&
    diff.people.length === 0 &&
    diff.roles.length === 0 &&
    diff.capabilities.length === 0 &&
    diff.rotations.length === 0 &&
    diff.settings.length === 0 &&
    justifications.duties.length === 0 &&
    justifications.anchors.length === 0 &&
    justifications.rejustified.length === 0
  );
}

/** Organisation settings that change everyone's access at once. */
function settingChanges(base: AccessModel, head: AccessModel): ValueChange<string>[] {
  const settings: [string, (model: AccessModel) => string | undefined][] = [
    ['aws.mode', (model) => model.aws.mode],
    ['aws.requireMfa', (model) => String(model.aws.requireMfa)],
    ['github.org', (model) => model.github.org],
    ['oncall.backend', (model) => model.oncall.backend],
  ];
  return settings
    .map(([name, read]) => valueChange(name, read(base), read(head)))
    .filter((change): change is ValueChange<string> => change !== undefined);
}
