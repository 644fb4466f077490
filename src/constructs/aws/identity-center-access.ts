import { Construct } from 'constructs';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import { IdentitystoreGroupMembership } from '@cdktf/provider-aws/lib/identitystore-group-membership';
import type { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import type { AwsState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { IdentityCenterPermissionSet } from './identity-center-permission-set';
import { identityStoreUser, identityCenterOf } from './identity-store-user';

/** Props of {@link IdentityCenterAccess}. */
export interface IdentityCenterAccessProps {
  /** The model's AWS state (mode `identity-center`, with its `identityCenter` block). */
  readonly aws: AwsState;
  /**
   * Whether the identity-store users and group memberships are rendered here too; false when they live
   * in people shard stacks (`IdentityCenterPeopleShard`).
   * @default true
   */
  readonly includePeople?: boolean;
}

/**
 * AWS access through IAM Identity Center: an identity-store user per person, an identity-store group
 * per role with AWS access and its memberships (the users and memberships unless they are sharded out),
 * and an {@link IdentityCenterPermissionSet} per role and account. The instance ARN and identity store
 * id come from the model, so planning reads nothing from AWS.
 */
export class IdentityCenterAccess extends Construct {
  /** Identity-store users by person id. */
  public readonly users: ReadonlyMap<string, IdentitystoreUser>;
  /** Identity-store groups by role id. */
  public readonly groups: ReadonlyMap<string, IdentitystoreGroup>;

  constructor(scope: Construct, id: string, props: IdentityCenterAccessProps) {
    super(scope, id);
    const { aws } = props;
    const ic = identityCenterOf(aws, 'IdentityCenterAccess');
    const identityStoreId = ic.identityStoreId;

    const includePeople = props.includePeople !== false;
    const users = new Map<string, IdentitystoreUser>();
    for (const user of includePeople ? aws.users : []) users.set(user.personId, identityStoreUser(this, user, identityStoreId));
    this.users = users;

    const groups = new Map<string, IdentitystoreGroup>();
    for (const role of aws.roles) {
      if (role.accounts.length === 0) continue; // the role grants nothing in AWS: no group to hold it
      const group = pinAddress(
        new IdentitystoreGroup(this, `group-${role.roleId}`, {
          identityStoreId,
          displayName: literal(role.groupName),
          description: literal(`${role.title}, managed by rolecall`),
        }),
        role.roleId,
      );
      groups.set(role.roleId, group);
      for (const personId of includePeople ? role.members : []) {
        const user = users.get(personId);
        if (!user) throw new Error(`role "${role.roleId}" lists ${personId}, who is not among the model's AWS users`);
        pinAddress(
          new IdentitystoreGroupMembership(this, `member-${role.roleId}-${personId}`, {
            identityStoreId,
            groupId: referenceTo(group, 'group_id'),
            memberId: referenceTo(user, 'user_id'),
          }),
          role.roleId,
          personId,
        );
      }
      for (const access of role.accounts) {
        new IdentityCenterPermissionSet(this, `access-${role.roleId}-${access.account}`, {
          instanceArn: ic.instanceArn,
          sessionDuration: ic.sessionDuration,
          role,
          access,
          groupId: referenceTo(group, 'group_id'),
        });
      }
    }
    this.groups = groups;
  }
}
