import { Construct } from 'constructs';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { AwsRole, AwsRoleAccount } from '../../model/types';
import { terraformLiteral as literal } from '../terraform-literal';
import { pinAddress, referenceTo } from '../terraform-name';
import { assertCompiled } from './assert-compiled';

/** Props of {@link IamRoleGroup}. */
export interface IamRoleGroupProps {
  /** The role, as the model has it. */
  readonly role: AwsRole;
  /** The role's compiled access in the account this stack manages. */
  readonly access: AwsRoleAccount;
  /** IAM path of the group and of its customer-managed policies, e.g. `/rolecall/`. */
  readonly path: string;
  /**
   * Customer-managed policies attached to every rolecall group (the MFA policy), created once per
   * account by the caller.
   * @default - none
   */
  readonly sharedPolicies?: readonly { readonly key: string; readonly policy: IamPolicy }[];
}

/**
 * The IAM group of one role in one account: `aws_iam_group` named after the role, its inline policies
 * (`aws_iam_group_policy`), a customer-managed `aws_iam_policy` with an attachment for each compiled
 * managed document, and an attachment for each existing policy ARN the model lists. Throws when the
 * model marks the role's policies as over the AWS quotas (see {@link assertCompiled}).
 */
export class IamRoleGroup extends Construct {
  /** The group; people join it through their `aws_iam_user_group_membership`. */
  public readonly group: IamGroup;
  private readonly roleId: string;

  constructor(scope: Construct, id: string, props: IamRoleGroupProps) {
    super(scope, id);
    const { role, access, path } = props;
    assertCompiled(role, access);
    const roleId = role.roleId;
    this.roleId = roleId;

    this.group = pinAddress(new IamGroup(this, 'group', { name: literal(role.groupName), path: literal(path) }), roleId);

    for (const document of access.policies.inline) {
      pinAddress(
        new IamGroupPolicy(this, `inline-${document.name}`, {
          group: referenceTo(this.group, 'name'),
          name: literal(document.name),
          policy: literal(document.document),
        }),
        roleId,
        document.name,
      );
    }
    for (const document of access.policies.managed) {
      const policy = pinAddress(
        new IamPolicy(this, `managed-${document.name}`, {
          name: literal(document.name),
          path: literal(path),
          description: literal(`${role.title} in ${access.account}, managed by rolecall`),
          policy: literal(document.document),
        }),
        roleId,
        document.name,
      );
      this.attach(`managed__${document.name}`, referenceTo(policy, 'arn'));
    }
    for (const arn of access.policies.attachedArns) this.attach(arn, literal(arn));
    for (const shared of props.sharedPolicies ?? []) this.attach(shared.key, referenceTo(shared.policy, 'arn'));
  }

  private attach(key: string, policyArn: string): void {
    pinAddress(
      new IamGroupPolicyAttachment(this, `attach-${key}`, { group: referenceTo(this.group, 'name'), policyArn }),
      this.roleId,
      key,
    );
  }
}
