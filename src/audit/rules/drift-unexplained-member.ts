import type { AuditRule, RuleFinding } from '../finding';
import { at, expected, isLeaver, peopleIndex } from './drift-index';

/**
 * Someone in a rolecall group or team whom the roles do not put there: an IAM group member, an Identity
 * Center group member, a GitHub team member. In a team created outside rolecall (`existingTeams`) people
 * added by hand are allowed, so they are only noted (low). Leavers are the leaver rule's.
 */
export const unexplainedMember: AuditRule = {
  id: 'Drift-UnexplainedMember',
  category: 'drift',
  description: 'a member of a rolecall group or team whom the roles do not put there',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam, github, identityCenter } = expected(model);
    const people = peopleIndex(model);
    const findings: RuleFinding[] = [];
    for (const user of actual.iam?.users ?? []) {
      const account = iam.get(user.accountId);
      if (!account || isLeaver(people.byUserName(user.name))) continue;
      const wanted = account.users.get(user.name.toLowerCase())?.groups;
      for (const groupName of user.groups) {
        const group = account.groups.get(groupName.toLowerCase());
        if (!group || wanted?.has(groupName.toLowerCase())) continue;
        const person = people.byUserName(user.name);
        findings.push({
          detail: `${user.accountId}:group/${group.name}:${user.name}`,
          severity: 'high',
          subject: person?.id ?? `aws:${account.accountName}:user/${user.name}`,
          message: `${user.name} is in group ${group.name} (role ${group.roleId}) in ${account.accountName}, which the roles do not give ${person ? person.id : 'them'}`,
          evidence: [
            `${at(user.from)}: user ${user.name} in groups ${user.groups.join(', ')}`,
            person
              ? `${person.id} holds ${person.roles.join(', ') || 'no role'} (${person.status})`
              : 'no person in people.yaml has this user name',
          ],
        });
      }
    }
    if (identityCenter && actual.identityCenter) {
      const ic = actual.identityCenter;
      const groups = new Map(ic.groups.map((group) => [group.id, group.name]));
      const users = new Map(ic.users.map((user) => [user.id, user.userName]));
      for (const membership of ic.memberships) {
        const groupName = groups.get(membership.groupId);
        const userName = users.get(membership.userId) ?? membership.userId;
        const wanted = groupName === undefined ? undefined : identityCenter.groups.get(groupName);
        if (!wanted || wanted.members.has(userName) || isLeaver(people.byUserName(userName))) continue;
        findings.push({
          detail: `identity-center:${groupName ?? ''}:${userName}`,
          severity: 'high',
          subject: people.byUserName(userName)?.id ?? `identity-center:user/${userName}`,
          message: `${userName} is in Identity Center group ${groupName ?? ''} (role ${wanted.roleId}), which the roles do not give them`,
          evidence: [`${at(membership.from)}: membership of ${membership.userId} in ${membership.groupId}`],
        });
      }
    }
    for (const member of actual.github?.teamMembers ?? []) {
      const team = github.teams.get(member.team.toLowerCase());
      const person = people.byLogin(member.login);
      if (!team || team.members.has(member.login.toLowerCase()) || isLeaver(person)) continue;
      findings.push({
        detail: `github:${member.team}:${member.login}`,
        severity: team.existing ? 'low' : 'high',
        subject: person?.id ?? `github:${member.login}`,
        message: team.existing
          ? `${member.login} is in team ${member.team}, created outside rolecall, without a role that gives it`
          : `${member.login} is in rolecall team ${member.team}, which the roles do not give ${person ? person.id : 'them'}`,
        evidence: [
          `${at(member.from)}: ${member.login}${member.role ? ` (${member.role})` : ''} in ${member.team}`,
          person
            ? `${person.id} holds ${person.roles.join(', ') || 'no role'} (${person.status})`
            : 'no person in people.yaml has this login',
        ],
      });
    }
    return findings;
  },
};
