import { Construct } from 'constructs';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import type { AwsUser } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';

/** Tag naming the person an IAM user belongs to, so offboarding and audits can find it by id. */
export const PERSON_TAG = 'rolecall:person-id';

/** Props of {@link IamPersonUser}. */
export interface IamPersonUserProps {
  /** The person as an AWS principal, from the model. */
  readonly user: AwsUser;
  /** IAM path of the user, e.g. `/rolecall/`. */
  readonly path: string;
  /** Names of the groups the person joins in this account, in model order. */
  readonly groups: readonly string[];
}

/**
 * One person's IAM user and group membership. No access key and no login profile is created: people
 * set their own console password and MFA device, and machines do not log in as people.
 */
export class IamPersonUser extends Construct {
  /** The IAM user. */
  public readonly user: IamUser;

  constructor(scope: Construct, id: string, props: IamPersonUserProps) {
    super(scope, id);
    const { user, path } = props;
    this.user = pinAddress(
      new IamUser(this, 'user', {
        name: literal(user.userName),
        path: literal(path),
        tags: { [PERSON_TAG]: literal(user.personId) },
        // The person adds their own MFA device and password (the MFA policy lets them); without this,
        // deleting the user at offboarding fails with DeleteConflict and their access would stay.
        // https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_user#force_destroy
        forceDestroy: true,
      }),
      user.personId,
    );
    // One aws_iam_user_group_membership per user lists all of this user's rolecall groups and manages
    // only those pairs. aws_iam_group_membership would be one resource per group that owns the group's
    // whole member list: it removes members added by anyone else (break-glass, another tool) and two
    // of them on one group fight on every apply.
    // https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_group_membership
    pinAddress(
      new IamUserGroupMembership(this, 'groups', { user: referenceTo(this.user, 'name'), groups: [...props.groups] }),
      user.personId,
    );
  }
}
