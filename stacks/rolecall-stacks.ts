import * as path from 'node:path';
import { App } from 'cdktf';
import type { AccessModel } from '../src/model/types';
import { AwsAccessStack } from './aws-access-stack';
import { GithubStack } from './github-stack';
import { OncallStack } from './oncall-stack';
import type { StateConfig } from './state-backend';

/** Name of the AWS stack of an account in iam-groups mode. */
export function awsAccountStackName(account: string): string {
  return `aws-${account}`;
}

/** Name of the AWS stack in identity-center mode. */
export const IDENTITY_CENTER_STACK = 'aws-identity-center';
/** Name of the GitHub stack. */
export const GITHUB_STACK = 'github';
/** Name of the on-call stack. */
export const ONCALL_STACK = 'oncall';

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
}

/** The stacks added to an app. */
export interface RolecallStacks {
  readonly aws: readonly AwsAccessStack[];
  readonly github: GithubStack;
  readonly oncall: OncallStack;
}

/**
 * Adds one stack per domain to `app`: AWS access (one stack per account in iam-groups mode,
 * `aws-identity-center` otherwise), `github` and `oncall`.
 */
export function addRolecallStacks(app: App, model: AccessModel, options: RolecallStacksOptions): RolecallStacks {
  const { state } = options;
  // cdktf runs Terraform for a stack in <outdir>/stacks/<stack>.
  const workingDirectory = (stack: string): string => path.join(app.outdir, 'stacks', stack);
  const aws =
    model.aws.mode === 'iam-groups'
      ? model.aws.accounts.map((account) => {
          const name = awsAccountStackName(account.name);
          return new AwsAccessStack(app, name, {
            aws: model.aws,
            account: account.name,
            state,
            workingDirectory: workingDirectory(name),
          });
        })
      : [
          new AwsAccessStack(app, IDENTITY_CENTER_STACK, {
            aws: model.aws,
            state,
            workingDirectory: workingDirectory(IDENTITY_CENTER_STACK),
          }),
        ];
  const github = new GithubStack(app, GITHUB_STACK, { github: model.github, state, workingDirectory: workingDirectory(GITHUB_STACK) });
  const oncall = new OncallStack(app, ONCALL_STACK, {
    oncall: model.oncall,
    region: model.aws.region,
    state,
    workingDirectory: workingDirectory(ONCALL_STACK),
  });
  return { aws, github, oncall };
}
