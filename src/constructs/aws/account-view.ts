import type { AwsRole, AwsRoleAccount, AwsState, AwsUser } from '../../model/types';

/** What one AWS account holds: the model's roles and users narrowed to that account. */
export interface AccountView {
  readonly name: string;
  readonly id: string;
  /** Roles with access in the account, each with its access there, in model order. */
  readonly roles: readonly { readonly role: AwsRole; readonly access: AwsRoleAccount }[];
  /** Users holding at least one of those roles, with just those roles, in model order. */
  readonly users: readonly { readonly user: AwsUser; readonly roles: readonly string[] }[];
}

/**
 * Narrows the model's AWS state to one account. A projection, not a decision: who holds which role and
 * where each role has access both come from the model; this only keeps the rows about `account`, so a
 * person whose roles reach only staging gets no IAM user in prod. Throws for an account the model does
 * not name (a programming error in the caller).
 */
export function accountView(aws: AwsState, account: string): AccountView {
  const entry = aws.accounts.find((candidate) => candidate.name === account);
  if (!entry) throw new Error(`the model names no AWS account "${account}"`);
  const roles = aws.roles.flatMap((role) =>
    role.accounts.filter((access) => access.account === account).map((access) => ({ role, access })),
  );
  const here = new Set(roles.map(({ role }) => role.roleId));
  const users = aws.users
    .map((user) => ({ user, roles: user.roles.filter((roleId) => here.has(roleId)) }))
    .filter(({ roles: held }) => held.length > 0);
  return { name: entry.name, id: entry.id, roles, users };
}
