import { Construct } from 'constructs';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import type { AwsRole, AwsRoleAccount } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { assertCompiled } from './assert-compiled';

/** Props of {@link IdentityCenterPermissionSet}. */
export interface IdentityCenterPermissionSetProps {
  /** ARN of the Identity Center instance. */
  readonly instanceArn: string;
  /** Session duration, ISO 8601 (`PT8H`). */
  readonly sessionDuration: string;
  /** The role, as the model has it. */
  readonly role: AwsRole;
  /** The role's compiled access in one account. */
  readonly access: AwsRoleAccount;
  /** Identity-store group id of the role's group, assigned to the account with this permission set. */
  readonly groupId: string;
}

/**
 * One role's access to one account through Identity Center: an `aws_ssoadmin_permission_set`, its
 * inline policy, an attachment per AWS-managed policy ARN, and the assignment of the role's group to
 * the account. Throws when the model hands it more than one inline policy or any customer-managed
 * document: Identity Center takes one inline policy per permission set, and the model compiles for that.
 */
export class IdentityCenterPermissionSet extends Construct {
  /** The permission set. */
  public readonly permissionSet: SsoadminPermissionSet;

  constructor(scope: Construct, id: string, props: IdentityCenterPermissionSetProps) {
    super(scope, id);
    const { instanceArn, role, access } = props;
    const key = [role.roleId, access.account] as const;
    assertCompiled(role, access);
    const { inline, managed, attachedArns } = access.policies;
    if (inline.length > 1 || managed.length > 0) {
      throw new Error(
        `permission set ${key.join('/')}: identity-center takes one inline policy and no customer-managed documents, the model gave ${inline.length} and ${managed.length}`,
      );
    }

    this.permissionSet = pinAddress(
      new SsoadminPermissionSet(this, 'permission-set', {
        instanceArn,
        name: literal(access.permissionSetName),
        description: literal(`${role.title} in ${access.account}, managed by rolecall`),
        sessionDuration: props.sessionDuration,
      }),
      ...key,
    );
    const permissionSetArn = referenceTo(this.permissionSet, 'arn');
    for (const document of inline) {
      pinAddress(
        new SsoadminPermissionSetInlinePolicy(this, 'inline-policy', {
          instanceArn,
          permissionSetArn,
          inlinePolicy: literal(document.document),
        }),
        ...key,
      );
    }
    for (const arn of attachedArns) {
      pinAddress(
        new SsoadminManagedPolicyAttachment(this, `attach-${arn}`, { instanceArn, permissionSetArn, managedPolicyArn: literal(arn) }),
        ...key,
        arn,
      );
    }
    pinAddress(
      new SsoadminAccountAssignment(this, 'assignment', {
        instanceArn,
        permissionSetArn,
        principalType: 'GROUP',
        principalId: props.groupId,
        targetType: 'AWS_ACCOUNT',
        targetId: access.accountId,
      }),
      ...key,
    );
  }
}
