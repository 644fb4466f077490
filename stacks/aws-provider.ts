import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformStack } from 'cdktf';
import { requireProviderSource } from './provider-source';

/** Props of {@link rolecallAwsProvider}. */
export interface RolecallAwsProviderProps {
  readonly region: string;
  /**
   * Account the credentials must reach; the provider refuses any other (skipped when `offline`, since
   * the account is then never asked for).
   * @default - any account
   */
  readonly accountId?: string;
  /**
   * Role to assume in the account (left out when `offline`: assuming it is a call to STS).
   * @default - the caller's credentials as they are
   */
  readonly assumeRoleArn?: string;
  /**
   * Plan without AWS: skip the credential, account, region and metadata checks and assume no role
   * (tests and offline plans, from ROLECALL_AWS_OFFLINE=1), so the provider makes no call at all.
   * Real deploys keep every check.
   * @default false
   */
  readonly offline?: boolean;
}

/** The `hashicorp/aws` provider of a rolecall stack, with `managed-by = rolecall` on every taggable resource. */
export function rolecallAwsProvider(scope: Construct & TerraformStack, props: RolecallAwsProviderProps): AwsProvider {
  requireProviderSource(scope, 'aws', 'hashicorp/aws');
  return new AwsProvider(scope, 'aws', {
    region: props.region,
    ...(props.assumeRoleArn && !props.offline ? { assumeRole: [{ roleArn: props.assumeRoleArn, sessionName: 'rolecall' }] } : {}),
    ...(props.accountId && !props.offline ? { allowedAccountIds: [props.accountId] } : {}),
    defaultTags: [{ tags: { 'managed-by': 'rolecall' } }],
    ...(props.offline
      ? { skipCredentialsValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: 'true', skipRegionValidation: true }
      : {}),
  });
}
