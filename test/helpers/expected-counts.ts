import type { AccessModel } from '../../src/model/types';
import { accountView } from '../../src/constructs/aws/account-view';

/** Resource counts by type, as `terraform show -json` or the synthesized JSON would list them. */
export type Counts = Record<string, number>;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The resources an iam-groups AWS stack of `account` must hold, computed from the model alone. */
export function expectedIamGroupsCounts(model: AccessModel, account: string): Counts {
  const view = accountView(model.aws, account);
  const mfa = model.aws.mfaPolicy && view.roles.length > 0 ? 1 : 0;
  const policies = view.roles.map(({ access }) => access.policies);
  const counts: Counts = {
    aws_iam_group: view.roles.length,
    aws_iam_group_policy: sum(policies.map((policy) => policy.inline.length)),
    aws_iam_policy: sum(policies.map((policy) => policy.managed.length)) + mfa,
    aws_iam_group_policy_attachment: sum(policies.map((policy) => policy.managed.length + policy.attachedArns.length + mfa)),
    aws_iam_user: view.users.length,
    aws_iam_user_group_membership: view.users.length,
  };
  return withoutZeros(counts);
}

/** The resources the identity-center AWS stack must hold, computed from the model alone. */
export function expectedIdentityCenterCounts(model: AccessModel): Counts {
  const roles = model.aws.roles.filter((role) => role.accounts.length > 0);
  const accesses = roles.flatMap((role) => role.accounts);
  return withoutZeros({
    aws_identitystore_user: model.aws.users.length,
    aws_identitystore_group: roles.length,
    aws_identitystore_group_membership: sum(roles.map((role) => role.members.length)),
    aws_ssoadmin_permission_set: accesses.length,
    aws_ssoadmin_permission_set_inline_policy: accesses.filter((access) => access.policies.inline.length > 0).length,
    aws_ssoadmin_managed_policy_attachment: sum(accesses.map((access) => access.policies.attachedArns.length)),
    aws_ssoadmin_account_assignment: accesses.length,
  });
}

function withoutZeros(counts: Counts): Counts {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
