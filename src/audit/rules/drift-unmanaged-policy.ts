import type { AuditRule, RuleFinding } from '../finding';
import { at, expected } from './drift-index';

/**
 * A customer-managed IAM policy under rolecall's IAM path that rolecall does not create, or an Identity
 * Center permission set no role has. Policies elsewhere belong to other tools and are only reported
 * when they are attached to rolecall's groups or users (`Drift-ExtraPolicy`).
 */
export const unmanagedPolicy: AuditRule = {
  id: 'Drift-UnmanagedPolicy',
  category: 'drift',
  description: "a policy under rolecall's IAM path, or a permission set, that no role has",
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam, identityCenter } = expected(model);
    const findings: RuleFinding[] = [];
    for (const policy of actual.iam?.policies ?? []) {
      const account = iam.get(policy.accountId);
      if (!account || policy.path !== model.aws.path || account.policies.has(policy.arn)) continue;
      findings.push({
        detail: `${policy.accountId}:${policy.name}`,
        severity: 'medium',
        subject: `aws:${account.accountName}:policy/${policy.name}`,
        message: `policy ${policy.name} under rolecall's path ${model.aws.path} in ${account.accountName} is not created by rolecall`,
        evidence: [`${at(policy.from)}: ${policy.arn}`],
      });
    }
    if (identityCenter && actual.identityCenter) {
      for (const set of actual.identityCenter.permissionSets) {
        if (identityCenter.permissionSets.has(set.name)) continue;
        const assigned = actual.identityCenter.assignments.filter((assignment) => assignment.permissionSetArn === set.arn).length;
        findings.push({
          detail: `identity-center:${set.name}`,
          severity: assigned ? 'medium' : 'low',
          subject: `identity-center:permission-set/${set.name}`,
          message: `permission set ${set.name} is no role's (${assigned} assignment${assigned === 1 ? '' : 's'})`,
          evidence: [`${at(set.from)}: ${set.arn}`],
        });
      }
    }
    return findings;
  },
};
