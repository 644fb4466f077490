import type { App, TerraformStack } from 'cdktf';
import type { ShardPlan } from '../src/model/layout/shards';
import type { AccessModel } from '../src/model/types';
import { AwsPeopleStack } from './aws-people-stack';
import { GithubPeopleStack } from './github-people-stack';
import type { StateConfig } from './state-backend';

/** A people shard stack. */
export type PeopleStack = AwsPeopleStack | GithubPeopleStack;

/** What {@link addPeopleShardStacks} needs besides the plan. */
export interface PeopleShardStacksOptions {
  readonly state: StateConfig;
  /** Directory Terraform runs a stack in, by stack name. */
  readonly workingDirectory: (stack: string) => string;
  /** The base stacks by name, which each shard depends on. */
  readonly bases: ReadonlyMap<string, TerraformStack>;
}

/**
 * Adds a stack per people shard of `plan`, every shard of a family, empty ones too: a shard stack that
 * stopped being synthesized would keep its people's users and memberships in a state nobody plans any
 * more. Each depends on its base stack (`cdktf deploy` applies the base first and destroys it last;
 * the dependency is listed in `cdktf.out/manifest.json`), since its people join groups and teams there.
 */
export function addPeopleShardStacks(app: App, model: AccessModel, plan: ShardPlan, options: PeopleShardStacksOptions): PeopleStack[] {
  const stacks: PeopleStack[] = [];
  for (const family of plan.families) {
    const base = options.bases.get(family.base.stack);
    if (!base) throw new Error(`people shards of ${family.base.stack}: no such base stack`);
    for (const shard of family.shards) {
      const common = { people: shard.people, state: options.state, workingDirectory: options.workingDirectory(shard.stack) };
      const stack =
        family.kind === 'github'
          ? new GithubPeopleStack(app, shard.stack, { github: model.github, ...common })
          : new AwsPeopleStack(app, shard.stack, {
              aws: model.aws,
              ...(family.account !== undefined ? { account: family.account } : {}),
              ...common,
            });
      stack.addDependency(base);
      stacks.push(stack);
    }
  }
  return stacks;
}
