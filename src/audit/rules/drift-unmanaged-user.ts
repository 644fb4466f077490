import type { AuditRule, RuleFinding } from '../finding';
import { at, expected, isLeaver, peopleIndex } from './drift-index';

/**
 * An IAM user (in an account of org.yaml) or an Identity Center user the roles do not explain. Users
 * of people who have left are the leaver rule's. Service users show up here too: suppress them by id,
 * with the reason they exist.
 */
export const unmanagedUser: AuditRule = {
  id: 'Drift-UnmanagedUser',
  category: 'drift',
  description: 'an IAM or Identity Center user the roles do not explain',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const people = peopleIndex(model);
    const { iam, identityCenter } = expected(model);
    const findings: RuleFinding[] = [];
    for (const user of actual.iam?.users ?? []) {
      const account = iam.get(user.accountId);
      if (!account || account.users.has(user.name.toLowerCase())) continue;
      const person = people.byUserName(user.name);
      if (isLeaver(person)) continue;
      const policies = [...user.attachedPolicyArns, ...user.inlinePolicies.map((name) => `inline ${name}`)];
      findings.push({
        detail: `${user.accountId}:${user.name}`,
        severity: 'medium',
        subject: `aws:${account.accountName}:user/${user.name}`,
        message: person
          ? `IAM user ${user.name} of ${person.id} (${person.status}) in ${account.accountName}, where their roles grant nothing`
          : `IAM user ${user.name} in ${account.accountName} is not in the roles`,
        evidence: [
          `${at(user.from)}: user ${user.path}${user.name}${user.created ? `, created ${user.created}` : ''}`,
          ...(user.groups.length ? [`groups: ${user.groups.join(', ')}`] : []),
          ...(policies.length ? [`policies: ${policies.join(', ')}`] : []),
        ],
      });
    }
    if (identityCenter && actual.identityCenter) {
      for (const user of actual.identityCenter.users) {
        if (identityCenter.users.has(user.userName) || isLeaver(people.byUserName(user.userName))) continue;
        findings.push({
          detail: `identity-center:${user.userName}`,
          severity: 'medium',
          subject: `identity-center:user/${user.userName}`,
          message: `Identity Center user ${user.userName} is not in the roles`,
          evidence: [`${at(user.from)}: user ${user.userName} (${user.id})`],
        });
      }
    }
    return findings;
  },
};
