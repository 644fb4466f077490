import type { AuditRule, RuleFinding } from '../finding';
import { at, expected, peopleIndex } from './drift-index';

/**
 * Access attached where rolecall manages the principal but the roles do not grant it: a policy attached
 * to a rolecall group, or inline in it, that the model does not have; any policy on a person's own IAM
 * user (rolecall grants only through groups); an Identity Center assignment of a rolecall permission set
 * to another principal or account, or any assignment straight to a person's user.
 */
export const extraPolicy: AuditRule = {
  id: 'Drift-ExtraPolicy',
  category: 'drift',
  description: "a policy or assignment on rolecall's groups, people or permission sets that the roles do not grant",
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam, identityCenter } = expected(model);
    const people = peopleIndex(model);
    const findings: RuleFinding[] = [];
    for (const group of actual.iam?.groups ?? []) {
      const account = iam.get(group.accountId);
      const wanted = account?.groups.get(group.name.toLowerCase());
      if (!account || !wanted) continue;
      const extra = [
        ...group.attachedPolicyArns.filter((arn) => !wanted.attachedArns.has(arn)),
        ...group.inlinePolicies.filter((policy) => !wanted.inline.has(policy.name)).map((policy) => `inline ${policy.name}`),
      ];
      for (const policy of extra) {
        findings.push({
          detail: `${group.accountId}:group/${group.name}:${policy}`,
          severity: 'high',
          subject: `aws:${account.accountName}:group/${group.name}`,
          message: `${policy} is on rolecall group ${group.name} (role ${wanted.roleId}) in ${account.accountName}, and the roles do not grant it`,
          evidence: [`${at(group.from)}: group ${group.name} has ${policy}`],
        });
      }
    }
    for (const user of actual.iam?.users ?? []) {
      const account = iam.get(user.accountId);
      const person = people.byUserName(user.name);
      if (!account || !person) continue;
      for (const policy of [...user.attachedPolicyArns, ...user.inlinePolicies.map((name) => `inline ${name}`)]) {
        findings.push({
          detail: `${user.accountId}:user/${user.name}:${policy}`,
          severity: 'high',
          subject: person.id,
          message: `${policy} is on ${person.id}'s own IAM user in ${account.accountName}: rolecall grants only through role groups`,
          evidence: [`${at(user.from)}: user ${user.name} has ${policy}`],
        });
      }
    }
    if (identityCenter && actual.identityCenter) {
      const ic = actual.identityCenter;
      const setNames = new Map(ic.permissionSets.map((set) => [set.arn, set.name]));
      const groupNames = new Map(ic.groups.map((group) => [group.id, group.name]));
      const userNames = new Map(ic.users.map((user) => [user.id, user.userName]));
      for (const assignment of ic.assignments) {
        const setName = setNames.get(assignment.permissionSetArn) ?? assignment.permissionSetArn;
        const wanted = identityCenter.permissionSets.get(setName);
        const principal =
          assignment.principalType === 'GROUP' ? groupNames.get(assignment.principalId) : userNames.get(assignment.principalId);
        const toPerson = assignment.principalType === 'USER' && principal !== undefined && identityCenter.users.has(principal);
        const matches =
          wanted && assignment.principalType === 'GROUP' && principal === wanted.group && assignment.accountId === wanted.accountId;
        if (matches || (!wanted && !toPerson)) continue;
        findings.push({
          detail: `identity-center:${setName}:${assignment.accountId}:${assignment.principalType}:${principal ?? assignment.principalId}`,
          severity: 'high',
          subject: toPerson ? `identity-center:user/${principal ?? ''}` : `identity-center:permission-set/${setName}`,
          message: `permission set ${setName} is assigned to ${assignment.principalType.toLowerCase()} ${principal ?? assignment.principalId} in account ${assignment.accountId}, which the roles do not grant`,
          evidence: [
            `${at(assignment.from)}: assignment ${setName} → ${assignment.principalType} ${principal ?? assignment.principalId} in ${assignment.accountId}`,
          ],
        });
      }
    }
    return findings;
  },
};
