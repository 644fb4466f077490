import { compileForGroup, compileForPermissionSet } from '../iam/compile-policy';
import { MANAGED_POLICIES_PER_PRINCIPAL } from '../iam/iam-quotas';
import type { CompiledPolicies, Statement } from '../types';

/** A role's compiled policies in one account, or the quota they break. */
export interface RolePolicies {
  readonly policies: CompiledPolicies;
  readonly quotaError?: { readonly message: string; readonly hint: string };
  readonly warnings: readonly string[];
}

/**
 * Compiles a role's statements and managed policy ARNs in one account for the org's AWS mode: IAM
 * group quotas (inline 5,120 characters, managed 6,144, 10 attachments) or the permission set's (one
 * inline policy of 10,240 characters, 20 managed policies). Names derive from the role id. In iam-groups
 * mode the MFA policy is attached to every group too, so it takes one of the group's 10 attachments.
 */
export function compileRolePolicies(
  mode: 'iam-groups' | 'identity-center',
  roleId: string,
  statements: readonly Statement[],
  managedPolicyArns: readonly string[],
  /** Managed policies attached to every group besides the role's own, e.g. the MFA policy. @default 0 */
  reservedAttachments = 0,
): RolePolicies {
  const empty: CompiledPolicies = { inline: [], managed: [], attachedArns: [] };
  if (mode === 'identity-center') {
    const result = compileForPermissionSet(statements, managedPolicyArns);
    if (!result.ok) return { policies: empty, quotaError: { message: result.error.message, hint: result.error.hint }, warnings: [] };
    const { inline, attachedManagedArns, warnings } = result.value;
    return {
      policies: {
        inline: inline ? [{ name: `rolecall-${roleId}`, document: inline.json }] : [],
        managed: [],
        attachedArns: attachedManagedArns,
      },
      warnings,
    };
  }
  const result = compileForGroup(statements, managedPolicyArns, { managedPolicies: MANAGED_POLICIES_PER_PRINCIPAL - reservedAttachments });
  if (!result.ok) {
    const message =
      result.error.limit === 'group-managed-policies' && reservedAttachments > 0
        ? `the group needs ${result.error.measured} managed policy attachments plus ${reservedAttachments} for the MFA policy, more than the ${MANAGED_POLICIES_PER_PRINCIPAL} IAM allows per group`
        : result.error.message;
    return { policies: empty, quotaError: { message, hint: result.error.hint }, warnings: [] };
  }
  const { inline, managed, attachedManagedArns } = result.value;
  return {
    policies: {
      inline: inline ? [{ name: `rolecall-${roleId}`, document: inline.json }] : [],
      managed: managed.map((policy, index) => ({ name: `rolecall-${roleId}-${index + 1}`, document: policy.json })),
      attachedArns: attachedManagedArns,
    },
    warnings: [],
  };
}
