import type { AwsRole, AwsRoleAccount } from '../../model/types';

/**
 * Throws when a role's policies in an account did not compile within the AWS quotas. `validate` and
 * stacks/main.ts stop on that problem before anything is synthesized, so reaching here is a
 * programming error; rendering the half-compiled policies instead would apply less (or more) than the
 * YAML says.
 */
export function assertCompiled(role: AwsRole, access: AwsRoleAccount): void {
  if (access.quotaError) {
    throw new Error(
      `role "${role.roleId}" in ${access.account} did not compile: ${access.quotaError.message} (the model should have reported this)`,
    );
  }
}
