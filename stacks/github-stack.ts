import type { Construct } from 'constructs';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import type { GithubState } from '../src/model/types';
import { GithubOrgAccess } from '../src/constructs/github/github-org-access';
import { terraformLiteral as literal } from '../src/constructs/terraform-literal';
import { requireProviderSource } from './provider-source';
import { RolecallStack } from './rolecall-stack';
import { configureStateBackend, type StateConfig } from './state-backend';

/** Props of {@link GithubStack}. */
export interface GithubStackProps {
  /** The model's GitHub state. */
  readonly github: GithubState;
  /** Where Terraform keeps this stack's state. */
  readonly state: StateConfig;
  /** Directory Terraform runs the stack in, for relative local state paths. */
  readonly workingDirectory: string;
  /**
   * Whether organisation and team memberships are in this stack; false when they are in people shard
   * stacks (`GithubPeopleStack`, in `github-people-stack.ts`).
   * @default true
   */
  readonly includePeople?: boolean;
}

/** GitHub organisation membership, teams and team repositories; the token comes from GITHUB_TOKEN. */
export class GithubStack extends RolecallStack {
  constructor(scope: Construct, id: string, props: GithubStackProps) {
    super(scope, id);
    configureStateBackend(this, props.state, { workingDirectory: props.workingDirectory });
    requireProviderSource(this, 'github', 'integrations/github');
    new GithubProvider(this, 'github', { owner: literal(props.github.org) });
    new GithubOrgAccess(this, 'org', { github: props.github, ...(props.includePeople === false ? { includePeople: false } : {}) });
  }
}
