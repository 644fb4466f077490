import type { Construct } from 'constructs';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import type { GithubState } from '../src/model/types';
import { GithubPeopleShard } from '../src/constructs/github/github-people-shard';
import { terraformLiteral as literal } from '../src/constructs/terraform-literal';
import { requireProviderSource } from './provider-source';
import { RolecallStack } from './rolecall-stack';
import { configureStateBackend, type StateConfig } from './state-backend';

/** Props of {@link GithubPeopleStack}. */
export interface GithubPeopleStackProps {
  /** The model's GitHub state. */
  readonly github: GithubState;
  /** Ids of the people placed in this shard. */
  readonly people: readonly string[];
  /** Where Terraform keeps this stack's state (one state per shard: the key is the stack's name). */
  readonly state: StateConfig;
  /** Directory Terraform runs the stack in, for relative local state paths. */
  readonly workingDirectory: string;
}

/**
 * One people shard of the GitHub stack: organisation and team memberships of the shard's people. The
 * teams are in the `github` stack, which must be applied first; the token comes from GITHUB_TOKEN.
 */
export class GithubPeopleStack extends RolecallStack {
  constructor(scope: Construct, id: string, props: GithubPeopleStackProps) {
    super(scope, id);
    configureStateBackend(this, props.state, { workingDirectory: props.workingDirectory });
    requireProviderSource(this, 'github', 'integrations/github');
    new GithubProvider(this, 'github', { owner: literal(props.github.org) });
    new GithubPeopleShard(this, 'people', { github: props.github, people: props.people });
  }
}
