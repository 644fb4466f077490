import { Construct } from 'constructs';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { AwsState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { accountView } from './account-view';
import { IamPersonUser } from './iam-person-user';
import { IamRoleGroup } from './iam-role-group';

/** Props of {@link IamGroupsAccess}. */
export interface IamGroupsAccessProps {
  /** The model's AWS state (mode `iam-groups`). */
  readonly aws: AwsState;
  /** Name of the account this construct renders, one of `aws.accounts`. */
  readonly account: string;
  /**
   * Whether the people's IAM users and group memberships are rendered here too; false when they live in
   * people shard stacks (`IamPeopleShard`).
   * @default true
   */
  readonly includeUsers?: boolean;
}

/**
 * AWS access in one account as IAM users in per-role groups: one {@link IamRoleGroup} per role with
 * access in the account, one {@link IamPersonUser} per person holding such a role (unless they are
 * sharded out), and, when the model carries an MFA policy, that policy created once and attached to
 * every rolecall group (none in an account no role reaches).
 */
export class IamGroupsAccess extends Construct {
  /** IAM groups by role id. */
  public readonly groups: ReadonlyMap<string, IamRoleGroup>;
  /** IAM users by person id. */
  public readonly users: ReadonlyMap<string, IamPersonUser>;

  constructor(scope: Construct, id: string, props: IamGroupsAccessProps) {
    super(scope, id);
    const { aws } = props;
    if (aws.mode !== 'iam-groups') throw new Error(`IamGroupsAccess renders mode iam-groups, the model is in ${aws.mode}`);
    const view = accountView(aws, props.account);

    const shared: { key: string; policy: IamPolicy }[] = [];
    // An account no role reaches (the Identity Center account, say) gets no groups, so no MFA policy either.
    if (aws.mfaPolicy && view.roles.length > 0) {
      const policy = pinAddress(
        new IamPolicy(this, 'require-mfa', {
          name: literal(aws.mfaPolicy.name),
          path: literal(aws.path),
          description: 'Denies all but MFA self-management without MFA, managed by rolecall',
          policy: literal(aws.mfaPolicy.document),
        }),
        'require-mfa',
      );
      shared.push({ key: 'require-mfa', policy });
    }

    const groups = new Map<string, IamRoleGroup>();
    for (const { role, access } of view.roles) {
      groups.set(role.roleId, new IamRoleGroup(this, `role-${role.roleId}`, { role, access, path: aws.path, sharedPolicies: shared }));
    }
    this.groups = groups;

    const users = new Map<string, IamPersonUser>();
    for (const { user, roles } of props.includeUsers === false ? [] : view.users) {
      const names = roles.map((roleId) => referenceTo(groups.get(roleId)?.group ?? missing(roleId), 'name'));
      users.set(user.personId, new IamPersonUser(this, `person-${user.personId}`, { user, path: aws.path, groups: names }));
    }
    this.users = users;
  }
}

function missing(roleId: string): never {
  throw new Error(`role "${roleId}" has no IAM group in this account`);
}
