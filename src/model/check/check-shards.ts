import type { Problem } from '../../load/problem';
import type { RolesBundle } from '../../load/roles-bundle';
import { MAX_SHARDS } from '../../schema/org';
import { planShards, smallestCommonShardCount, type ShardPlan, type StackFamilyPlan } from '../layout/shards';
import { ONCALL_STACK } from '../layout/stack-names';
import { stackFamilyLoads } from '../layout/stack-resources';
import type { AccessModel } from '../types';

/**
 * Checks org.yaml's `stacks:` block against the model: a base stack that is over `maxResources` on its
 * own (only people are sharded), pinned shards that overflow, a person who fits in no shard, and two
 * stacks with one name. Each problem is at the `stacks:` entry it is about, or at the account whose
 * name collides. Nothing without the block. Counts only grow as entries that failed their schema come
 * back, so the check holds for a partial model too.
 */
export function checkShards(model: AccessModel, bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  const config = org?.value.stacks;
  if (!org || !config) return [];
  const plan = planShards(model, config);
  const max = config.maxResources;
  const problems: Problem[] = [];
  let pinnedHint: string | undefined;
  for (const family of plan.families) {
    if (family.base.resources > max) {
      problems.push(
        org.source.problem(
          ['stacks', 'maxResources'],
          `stack ${family.base.stack} would hold ${family.base.resources} resources without its people, more than stacks.maxResources (${max})`,
          'raise maxResources: the role resources (groups, policies, permission sets, teams) stay in one stack, only people are sharded',
        ),
      );
    }
    const fullest = fullestShard(family);
    if (!fullest || fullest.resources <= max) continue;
    const over = family.shards.filter((shard) => shard.resources > max).length;
    if (plan.pinned !== undefined) {
      pinnedHint ??= hintForPinned(model, max);
      problems.push(
        org.source.problem(
          ['stacks', 'shards'],
          `${over} of the ${plan.pinned} people shards of ${family.base.stack} would hold more than stacks.maxResources (${max}): ${fullest.stack} holds ${fullest.resources}`,
          pinnedHint,
        ),
      );
    } else if (family.largest && family.largest.resources > max) {
      problems.push(
        org.source.problem(
          ['stacks', 'maxResources'],
          `${family.largest.personId} alone needs ${family.largest.resources} resources in a people shard of ${family.base.stack}, more than stacks.maxResources (${max})`,
          `raise maxResources to at least ${family.largest.resources}`,
        ),
      );
    } else {
      problems.push(
        org.source.problem(
          ['stacks', 'maxResources'],
          `no number of people shards up to ${MAX_SHARDS} keeps every shard of ${family.base.stack} within stacks.maxResources (${max})`,
          'raise maxResources',
        ),
      );
    }
  }
  if (plan.pinned === undefined && problems.length === 0) problems.push(...unpinnedWarning(model, plan, org));
  return [...problems, ...collidingNames(plan.families, bundle)];
}

/**
 * A chosen count follows the organisation's size: when it changes, jump hashing moves some people into
 * the new shards, and a moved person's IAM or identity-store user is destroyed in one state and created
 * in another (password and MFA device lost). Only a pinned count keeps everyone where they are.
 */
function unpinnedWarning(model: AccessModel, plan: ShardPlan, org: NonNullable<RolesBundle['org']>): Problem[] {
  const counts = plan.families
    .filter((family) => family.shards.length > 0)
    .map((family) => `${family.base.stack}: ${family.shards.length}`);
  if (counts.length === 0) return [];
  const common = smallestCommonShardCount(
    stackFamilyLoads(model).map((family) => family.people),
    plan.maxResources,
  );
  return [
    org.source.problem(
      ['stacks', 'maxResources'],
      `people shard counts are chosen from the organisation of today (${counts.join(', ')}): when one changes as people come and go, some people move to another shard, and their users are destroyed and created again`,
      `pin the count before the first apply${common !== undefined ? ` (shards: ${common} fits every stack today)` : ''}; with shards set, nobody moves unless the count is edited`,
      'warning',
    ),
  ];
}

/** What to pin instead: the smallest count that fits every family, when there is one near. */
function hintForPinned(model: AccessModel, max: number): string {
  const common = smallestCommonShardCount(
    stackFamilyLoads(model).map((family) => family.people),
    max,
  );
  return common !== undefined
    ? `set shards to ${common}, the smallest count that fits every stack family, or remove shards to have each family's count chosen`
    : "remove shards to have each family's count chosen, or raise maxResources";
}

function fullestShard(family: StackFamilyPlan): StackFamilyPlan['shards'][number] | undefined {
  return family.shards.reduce<StackFamilyPlan['shards'][number] | undefined>(
    (top, shard) => (top && top.resources >= shard.resources ? top : shard),
    undefined,
  );
}

/**
 * Two stacks with one name would share a directory and a state: an account named `prod-people-01`
 * has the base stack `aws-prod-people-01`, the name of the first people shard of account `prod`.
 */
function collidingNames(families: readonly StackFamilyPlan[], bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  if (!org) return [];
  const owner = new Map<string, string>([[ONCALL_STACK, 'the on-call stack']]);
  const problems: Problem[] = [];
  for (const family of families) {
    const what = family.account !== undefined ? `account ${family.account}` : `stack ${family.base.stack}`;
    const names: [string, string][] = [
      [family.base.stack, `the stack of ${what}`],
      ...family.shards.map((shard, index): [string, string] => [shard.stack, `people shard ${index + 1} of ${what}`]),
    ];
    for (const [name, role] of names) {
      const first = owner.get(name);
      if (first === undefined) {
        owner.set(name, role);
        continue;
      }
      const account = family.account ?? families.find((other) => other.account !== undefined && other.base.stack === name)?.account;
      problems.push(
        org.source.problem(
          account !== undefined ? ['aws', 'accounts', account] : ['stacks'],
          `stack name ${name} would be both ${first} and ${role}`,
          'rename the account: stack names are directories and state keys, and must differ',
        ),
      );
    }
  }
  return problems;
}
