import type { Construct } from 'constructs';
import type { AwsState } from '../src/model/types';
import { IamGroupsAccess } from '../src/constructs/aws/iam-groups-access';
import { IdentityCenterAccess } from '../src/constructs/aws/identity-center-access';
import { accountProvider, rolecallAwsProvider } from './aws-provider';
import { RolecallStack } from './rolecall-stack';
import { configureStateBackend, type StateConfig } from './state-backend';

/** Props of {@link AwsAccessStack}. */
export interface AwsAccessStackProps {
  /** The model's AWS state. */
  readonly aws: AwsState;
  /**
   * The account this stack manages: required in iam-groups mode (one stack per account), not used in
   * identity-center mode (one stack assigns every account).
   * @default - none
   */
  readonly account?: string;
  /** Where Terraform keeps this stack's state. */
  readonly state: StateConfig;
  /** Directory Terraform runs the stack in, for relative local state paths. */
  readonly workingDirectory: string;
  /**
   * Whether the people (IAM or identity-store users and their group memberships) are in this stack;
   * false when they are in people shard stacks (`AwsPeopleStack`, in `aws-people-stack.ts`).
   * @default true
   */
  readonly includePeople?: boolean;
}

/**
 * AWS access: in iam-groups mode the IAM groups, policies and users of one account; in identity-center
 * mode the identity store and the permission sets of every account, from the account of the Identity
 * Center instance. Either way the provider is pinned to that one account and assumes its role when the
 * model names one.
 */
export class AwsAccessStack extends RolecallStack {
  constructor(scope: Construct, id: string, props: AwsAccessStackProps) {
    super(scope, id);
    const { aws } = props;
    configureStateBackend(this, props.state, { workingDirectory: props.workingDirectory });
    if (aws.mode === 'iam-groups') {
      const account = accountProvider(this, aws, props.account);
      new IamGroupsAccess(this, 'iam', { aws, account: account.name, ...(props.includePeople === false ? { includeUsers: false } : {}) });
    } else {
      if (!aws.identityCenter) throw new Error(`stack "${id}": identity-center mode needs the model's identityCenter`);
      rolecallAwsProvider(this, { region: aws.region, account: aws.identityCenter.account });
      new IdentityCenterAccess(this, 'identity-center', { aws, ...(props.includePeople === false ? { includePeople: false } : {}) });
    }
  }
}
