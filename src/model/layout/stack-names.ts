/**
 * Names of the stacks rolecall synthesizes. A stack's name is its directory in `cdktf.out/stacks/` and
 * its state key (`<stack>.tfstate`), so it is a public contract like a Terraform address: it comes from
 * account names and fixed words, never from positions that could shift.
 */

/** Name of the AWS stack of an account in iam-groups mode. */
export function awsAccountStackName(account: string): string {
  return `aws-${account}`;
}

/** Name of the AWS stack in identity-center mode. */
export const IDENTITY_CENTER_STACK = 'aws-identity-center';
/** Name of the GitHub stack. */
export const GITHUB_STACK = 'github';
/** Name of the on-call stack. */
export const ONCALL_STACK = 'oncall';

/**
 * Name of the people shard `index` (0-based) of the stack `base`: `<base>-people-01` for the first.
 * The number is padded to two digits and never more, so a shard keeps its name (and its state) when
 * the number of shards passes 99: the hundredth is `-people-100`.
 */
export function peopleShardStackName(base: string, index: number): string {
  return `${base}-people-${String(index + 1).padStart(2, '0')}`;
}
