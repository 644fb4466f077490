import { Construct } from 'constructs';
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { IdentitystoreGroupMembership } from '@cdktf/provider-aws/lib/identitystore-group-membership';
import type { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import type { AwsState } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { identityStoreUser, identityCenterOf } from './identity-store-user';

/** Props of {@link IdentityCenterPeopleShard}. */
export interface IdentityCenterPeopleShardProps {
  /** The model's AWS state (mode `identity-center`, with its `identityCenter` block). */
  readonly aws: AwsState;
  /** Ids of the people placed in this shard; those without AWS access get nothing. */
  readonly people: readonly string[];
}

/**
 * One people shard of the Identity Center stack: an identity-store user per person of the shard with
 * AWS access, and their group memberships. The groups live in the `aws-identity-center` stack, another
 * state, so each group a member of the shard joins is looked up once by its display name (a
 * `data "aws_identitystore_group"` with `alternate_identifier.unique_attribute`, GetGroupId underneath):
 * the shard plans only once the base stack has been applied.
 * https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/data-sources/identitystore_group
 */
export class IdentityCenterPeopleShard extends Construct {
  /** Identity-store users by person id. */
  public readonly users: ReadonlyMap<string, IdentitystoreUser>;
  /** Group lookups by role id: only the groups someone of this shard joins. */
  public readonly groups: ReadonlyMap<string, DataAwsIdentitystoreGroup>;

  constructor(scope: Construct, id: string, props: IdentityCenterPeopleShardProps) {
    super(scope, id);
    const { aws } = props;
    const ic = identityCenterOf(aws, 'IdentityCenterPeopleShard');
    const identityStoreId = ic.identityStoreId;
    const placed = new Set(props.people);

    const users = new Map<string, IdentitystoreUser>();
    for (const user of aws.users) if (placed.has(user.personId)) users.set(user.personId, identityStoreUser(this, user, identityStoreId));
    this.users = users;

    const groups = new Map<string, DataAwsIdentitystoreGroup>();
    for (const role of aws.roles) {
      if (role.accounts.length === 0) continue; // no group in the base stack either
      for (const personId of role.members) {
        if (!placed.has(personId)) continue;
        const user = users.get(personId);
        if (!user) throw new Error(`role "${role.roleId}" lists ${personId}, who is not among the model's AWS users`);
        let group = groups.get(role.roleId);
        if (!group) {
          group = pinAddress(
            new DataAwsIdentitystoreGroup(this, `group-${role.roleId}`, {
              identityStoreId,
              alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: literal(role.groupName) } },
            }),
            role.roleId,
          );
          groups.set(role.roleId, group);
        }
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
    }
    this.groups = groups;
  }
}
