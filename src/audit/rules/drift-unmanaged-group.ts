import type { AuditRule, RuleFinding } from '../finding';
import { at, expected } from './drift-index';

/** An IAM group (in an account of org.yaml) or an Identity Center group no role stands for, with who is in it. */
export const unmanagedGroup: AuditRule = {
  id: 'Drift-UnmanagedGroup',
  category: 'drift',
  description: 'an IAM or Identity Center group no role stands for',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam, identityCenter } = expected(model);
    const findings: RuleFinding[] = [];
    for (const group of actual.iam?.groups ?? []) {
      const account = iam.get(group.accountId);
      if (!account || account.groups.has(group.name.toLowerCase())) continue;
      const members = (actual.iam?.users ?? []).filter(
        (user) => user.accountId === group.accountId && user.groups.some((name) => name.toLowerCase() === group.name.toLowerCase()),
      );
      const policies = [...group.attachedPolicyArns, ...group.inlinePolicies.map((policy) => `inline ${policy.name}`)];
      findings.push({
        detail: `${group.accountId}:${group.name}`,
        severity: members.length && policies.length ? 'medium' : 'low',
        subject: `aws:${account.accountName}:group/${group.name}`,
        message: `IAM group ${group.name} in ${account.accountName} is not a rolecall role (${members.length} member${members.length === 1 ? '' : 's'})`,
        evidence: [
          `${at(group.from)}: group ${group.path}${group.name}`,
          ...(members.length ? [`members: ${members.map((user) => user.name).join(', ')}`] : []),
          ...(policies.length ? [`policies: ${policies.join(', ')}`] : []),
        ],
      });
    }
    if (identityCenter && actual.identityCenter) {
      for (const group of actual.identityCenter.groups) {
        if (identityCenter.groups.has(group.name)) continue;
        const members = actual.identityCenter.memberships.filter((membership) => membership.groupId === group.id).length;
        findings.push({
          detail: `identity-center:${group.name}`,
          severity: members ? 'medium' : 'low',
          subject: `identity-center:group/${group.name}`,
          message: `Identity Center group ${group.name} is not a rolecall role (${members} member${members === 1 ? '' : 's'})`,
          evidence: [`${at(group.from)}: group ${group.name} (${group.id})`],
        });
      }
    }
    return findings;
  },
};
