import type { Problem } from '../../load/problem';
import type { RolesBundle } from '../../load/roles-bundle';

/** The account id field of an ARN (`arn:partition:service:region:account:resource`), or undefined. */
export function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4];
}

/**
 * ARNs in org.yaml that the grammar accepts but that point into the wrong account: an account's
 * `assumeRoleArn` must be a role of that very account (the provider is pinned to its id, so another
 * account's role could never plan), and an existing replication set must live in `oncall.account`
 * (Incident Manager keeps one per account). Pure.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function checkAwsArns(bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  if (!org) return [];
  const problems: Problem[] = [];
  for (const [name, account] of Object.entries(org.value.aws.accounts)) {
    if (account.assumeRoleArn === undefined) continue;
    const id = arnAccount(account.assumeRoleArn);
    if (id !== account.id) {
      problems.push(
        org.source.problem(
          ['aws', 'accounts', name, 'assumeRoleArn'],
          `role of account ${id ?? '?'}, but account "${name}" is ${account.id}`,
          `the provider of every stack in "${name}" is pinned to ${account.id}: name a role of that account`,
        ),
      );
    }
  }
  const replicationSet = org.value.oncall.replicationSet;
  const oncallAccount = org.value.oncall.account;
  if (replicationSet && 'existingArn' in replicationSet && oncallAccount !== undefined) {
    const expected = org.value.aws.accounts[oncallAccount]?.id;
    const id = arnAccount(replicationSet.existingArn);
    if (expected !== undefined && id !== expected) {
      problems.push(
        org.source.problem(
          ['oncall', 'replicationSet', 'existingArn'],
          `replication set of account ${id ?? '?'}, but oncall.account "${oncallAccount}" is ${expected}`,
          'Incident Manager keeps one replication set per account: name the one in oncall.account',
        ),
      );
    }
  }
  return problems;
}
