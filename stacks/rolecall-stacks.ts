import * as path from 'node:path';
import { App, type TerraformStack } from 'cdktf';
import { planShards } from '../src/model/layout/shards';
import { awsAccountStackName, GITHUB_STACK, IDENTITY_CENTER_STACK, ONCALL_STACK } from '../src/model/layout/stack-names';
import type { AccessModel } from '../src/model/types';
import type { StacksConfig } from '../src/schema/org';
import { AwsAccessStack } from './aws-access-stack';
import { GithubStack } from './github-stack';
import { OncallStack } from './oncall-stack';
import { addPeopleShardStacks, type PeopleStack } from './people-shard-stacks';
import type { StateConfig } from './state-backend';

export { awsAccountStackName, GITHUB_STACK, IDENTITY_CENTER_STACK, ONCALL_STACK } from '../src/model/layout/stack-names';

/**
 * The cdktf app rolecall synthesizes into: stack traces are left out of the output, since they hold
 * absolute source paths and would make the same model render differently on another machine.
 * @param outdir where to write; @default CDKTF_OUTDIR, else `cdktf.out`
 */
export function rolecallApp(outdir?: string): App {
  return new App({ stackTraces: false, ...(outdir ? { outdir } : {}) });
}

/** Options of {@link addRolecallStacks}. */
export interface RolecallStacksOptions {
  /** Where Terraform keeps state (org.yaml `state:`). */
  readonly state: StateConfig;
  /**
   * People shards (org.yaml `stacks:`): the per-person resources of the AWS and GitHub stacks go into
   * `<stack>-people-<NN>` stacks, planned by `planShards`.
   * @default - none: every domain is one stack, exactly as before sharding existed
   */
  readonly stacks?: StacksConfig;
}

/** The stacks added to an app. */
export interface RolecallStacks {
  readonly aws: readonly AwsAccessStack[];
  readonly github: GithubStack;
  readonly oncall: OncallStack;
  /** People shard stacks, by family then number; none without a `stacks:` block. */
  readonly people: readonly PeopleStack[];
}

/**
 * Adds one stack per domain to `app`: AWS access (one stack per account in iam-groups mode,
 * `aws-identity-center` otherwise), `github` and `oncall`; with `stacks`, the people of the AWS and
 * GitHub stacks in people shard stacks after them.
 */
export function addRolecallStacks(app: App, model: AccessModel, options: RolecallStacksOptions): RolecallStacks {
  const { state } = options;
  // cdktf runs Terraform for a stack in <outdir>/stacks/<stack>.
  const workingDirectory = (stack: string): string => path.join(app.outdir, 'stacks', stack);
  const plan = options.stacks ? planShards(model, options.stacks) : undefined;
  const people = plan ? { includePeople: false } : {};
  const aws =
    model.aws.mode === 'iam-groups'
      ? model.aws.accounts.map((account) => {
          const name = awsAccountStackName(account.name);
          return new AwsAccessStack(app, name, {
            aws: model.aws,
            account: account.name,
            state,
            workingDirectory: workingDirectory(name),
            ...people,
          });
        })
      : [
          new AwsAccessStack(app, IDENTITY_CENTER_STACK, {
            aws: model.aws,
            state,
            workingDirectory: workingDirectory(IDENTITY_CENTER_STACK),
            ...people,
          }),
        ];
  const github = new GithubStack(app, GITHUB_STACK, {
    github: model.github,
    state,
    workingDirectory: workingDirectory(GITHUB_STACK),
    ...people,
  });
  const oncall = new OncallStack(app, ONCALL_STACK, {
    oncall: model.oncall,
    region: model.aws.region,
    state,
    workingDirectory: workingDirectory(ONCALL_STACK),
  });
  const bases = new Map<string, TerraformStack>([...aws, github].map((stack) => [stack.node.id, stack]));
  const shards = plan ? addPeopleShardStacks(app, model, plan, { state, workingDirectory, bases }) : [];
  return { aws, github, oncall, people: shards };
}
