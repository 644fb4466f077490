import type { AuditRule, RuleFinding } from '../finding';
import { at, expected } from './drift-index';
import { canonicalPolicy } from './policy-text';

/** A policy rolecall writes whose document in AWS is not the one the roles compile to: edited by hand, or not yet applied. */
export const changedPolicy: AuditRule = {
  id: 'Drift-ChangedPolicy',
  category: 'drift',
  description: 'a rolecall policy whose document differs from what the roles compile to',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam } = expected(model);
    const findings: RuleFinding[] = [];
    for (const group of actual.iam?.groups ?? []) {
      const account = iam.get(group.accountId);
      const wanted = account?.groups.get(group.name.toLowerCase());
      if (!account || !wanted) continue;
      for (const policy of group.inlinePolicies) {
        const document = wanted.inline.get(policy.name);
        if (document === undefined || policy.document === undefined || canonicalPolicy(document) === canonicalPolicy(policy.document))
          continue;
        findings.push({
          detail: `${group.accountId}:group/${group.name}:${policy.name}`,
          severity: 'high',
          subject: `aws:${account.accountName}:group/${group.name}`,
          message: `inline policy ${policy.name} of group ${group.name} in ${account.accountName} is not what role ${wanted.roleId} compiles to`,
          evidence: [`${at(group.from)}: ${policy.document.slice(0, 300)}`, `expected: ${document.slice(0, 300)}`],
        });
      }
    }
    for (const policy of actual.iam?.policies ?? []) {
      const account = iam.get(policy.accountId);
      const document = account?.policies.get(policy.arn);
      if (
        !account ||
        document === undefined ||
        policy.document === undefined ||
        canonicalPolicy(document) === canonicalPolicy(policy.document)
      )
        continue;
      findings.push({
        detail: `${policy.accountId}:policy/${policy.name}`,
        severity: 'high',
        subject: `aws:${account.accountName}:policy/${policy.name}`,
        message: `managed policy ${policy.name} in ${account.accountName} is not what the roles compile to`,
        evidence: [`${at(policy.from)}: ${policy.document.slice(0, 300)}`, `expected: ${document.slice(0, 300)}`],
      });
    }
    return findings;
  },
};
