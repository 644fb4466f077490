import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformStack } from 'cdktf';
import type { AwsAccount } from '../src/model/types';
import { terraformLiteral as literal } from '../src/constructs/terraform-literal';
import { requireProviderSource } from './provider-source';

/** Props of {@link rolecallAwsProvider}. */
export interface RolecallAwsProviderProps {
  readonly region: string;
  /**
   * The account the stack runs in, as the model names it: the provider is pinned to its id
   * (`allowed_account_ids`), and assumes its role when it has one.
   */
  readonly account: AwsAccount;
}

/**
 * The `hashicorp/aws` provider of a rolecall stack, with `managed-by = rolecall` on every taggable
 * resource, pinned to one account: whichever credentials are current, Terraform refuses to plan or
 * apply anywhere else ("AWS account ID not allowed"). The pin needs the caller's account id, which the
 * provider asks STS for, so it cannot be combined with `skip_requesting_account_id` (the provider then
 * compares an empty id and refuses every plan); offline plans answer STS locally instead
 * (`src/terraform/sts-stand-in.ts`), so what is planned is what is deployed.
 * https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs#allowed_account_ids
 */
export function rolecallAwsProvider(scope: Construct & TerraformStack, props: RolecallAwsProviderProps): AwsProvider {
  requireProviderSource(scope, 'aws', 'hashicorp/aws');
  const { account } = props;
  return new AwsProvider(scope, 'aws', {
    region: literal(props.region),
    allowedAccountIds: [literal(account.id)],
    ...(account.assumeRoleArn ? { assumeRole: [{ roleArn: literal(account.assumeRoleArn), sessionName: 'rolecall' }] } : {}),
    defaultTags: [{ tags: { 'managed-by': 'rolecall' } }],
  });
}

/**
 * The provider of a stack in one of the model's accounts (mode iam-groups), pinned to it; the account's
 * name is a bug when the model does not know it.
 */
export function accountProvider(
  scope: Construct & TerraformStack,
  aws: { readonly region: string; readonly accounts: readonly AwsAccount[] },
  name: string | undefined,
): AwsAccount {
  const account = aws.accounts.find((candidate) => candidate.name === name);
  if (!account) throw new Error(`stack "${scope.node.id}": iam-groups mode needs one of the model's accounts, got ${String(name)}`);
  rolecallAwsProvider(scope, { region: aws.region, account });
  return account;
}
