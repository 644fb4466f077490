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
