import type { Construct } from 'constructs';
import type { AwsState } from '../src/model/types';
import { IamPeopleShard } from '../src/constructs/aws/iam-people-shard';
import { IdentityCenterPeopleShard } from '../src/constructs/aws/identity-center-people-shard';
import { accountProvider, rolecallAwsProvider } from './aws-provider';
import { RolecallStack } from './rolecall-stack';
import { configureStateBackend, type StateConfig } from './state-backend';

/** Props of {@link AwsPeopleStack}. */
export interface AwsPeopleStackProps {
  /** The model's AWS state. */
  readonly aws: AwsState;
  /**
   * The account of the base stack in iam-groups mode; not used in identity-center mode (the shard runs
   * where the Identity Center stack does).
   * @default - none
   */
  readonly account?: string;
  /** Ids of the people placed in this shard. */
  readonly people: readonly string[];
  /** Where Terraform keeps this stack's state (one state per shard: the key is the stack's name). */
  readonly state: StateConfig;
  /** Directory Terraform runs the stack in, for relative local state paths. */
  readonly workingDirectory: string;
}

/**
 * One people shard of an AWS stack: the IAM users and group memberships of the shard's people in one
 * account (iam-groups), or their identity-store users and group memberships (identity-center). The
 * provider is pinned to the same account as the base stack's, which must be applied first: the groups
 * the people join are there.
 */
export class AwsPeopleStack extends RolecallStack {
  constructor(scope: Construct, id: string, props: AwsPeopleStackProps) {
    super(scope, id);
    const { aws } = props;
    configureStateBackend(this, props.state, { workingDirectory: props.workingDirectory });
    if (aws.mode === 'iam-groups') {
      const account = accountProvider(this, aws, props.account);
      new IamPeopleShard(this, 'iam-people', { aws, account: account.name, people: props.people });
    } else {
      if (!aws.identityCenter) throw new Error(`stack "${id}": identity-center mode needs the model's identityCenter`);
      rolecallAwsProvider(this, { region: aws.region, account: aws.identityCenter.account });
      new IdentityCenterPeopleShard(this, 'identity-center-people', { aws, people: props.people });
    }
  }
}
