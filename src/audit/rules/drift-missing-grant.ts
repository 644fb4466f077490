import { PERMISSION_RANK } from '../../review/access-set';
import type { AuditRule, RuleFinding } from '../finding';
import { expected } from './drift-index';

/**
 * Access the roles grant that a source covering it does not show: a user, group, membership or policy
 * missing from an exported account; a GitHub membership, team, team member or repository permission
 * missing from the export; an Identity Center user, group, membership or permission set missing. Usually
 * a change not yet applied (or a GitHub invitation not yet accepted).
 */
export const missingGrant: AuditRule = {
  id: 'Drift-MissingGrant',
  category: 'drift',
  description: 'access the roles grant that the exports do not show',
  needs: 'aws-or-github',
  check: ({ model, actual }) => {
    const { iam, github, identityCenter } = expected(model);
    const findings: RuleFinding[] = [];
    const add = (detail: string, subject: string, message: string, evidence: string): void => {
      findings.push({ detail, severity: 'low', subject, message, evidence: [evidence] });
    };
    const covered = new Set(actual.iam?.accountIds ?? []);
    for (const account of iam.values()) {
      if (!covered.has(account.accountId)) continue;
      const source = `not in the export of account ${account.accountId}`;
      const groups = new Map(
        (actual.iam?.groups ?? [])
          .filter((group) => group.accountId === account.accountId)
          .map((group) => [group.name.toLowerCase(), group]),
      );
      const users = new Map(
        (actual.iam?.users ?? []).filter((user) => user.accountId === account.accountId).map((user) => [user.name.toLowerCase(), user]),
      );
      for (const [key, group] of account.groups) {
        const found = groups.get(key);
        if (!found) {
          add(
            `${account.accountId}:group/${group.name}`,
            `role:${group.roleId}`,
            `group ${group.name} of role ${group.roleId} is missing in ${account.accountName}`,
            source,
          );
          continue;
        }
        for (const arn of group.attachedArns) {
          if (!found.attachedPolicyArns.includes(arn))
            add(
              `${account.accountId}:group/${group.name}:${arn}`,
              `role:${group.roleId}`,
              `${arn} is not attached to group ${group.name} in ${account.accountName}`,
              source,
            );
        }
        for (const name of group.inline.keys()) {
          if (!found.inlinePolicies.some((policy) => policy.name === name))
            add(
              `${account.accountId}:group/${group.name}:inline ${name}`,
              `role:${group.roleId}`,
              `inline policy ${name} is missing from group ${group.name} in ${account.accountName}`,
              source,
            );
        }
      }
      for (const [key, user] of account.users) {
        const found = users.get(key);
        if (!found) {
          add(
            `${account.accountId}:user/${user.name}`,
            user.personId,
            `IAM user ${user.name} of ${user.personId} is missing in ${account.accountName}`,
            source,
          );
          continue;
        }
        const has = new Set(found.groups.map((name) => name.toLowerCase()));
        for (const group of user.groups) {
          if (!has.has(group))
            add(
              `${account.accountId}:user/${user.name}:${group}`,
              user.personId,
              `${user.personId} is not in group ${account.groups.get(group)?.name ?? group} in ${account.accountName}`,
              source,
            );
        }
      }
    }
    if (actual.github) {
      const source = 'not in the GitHub export';
      const members = new Set(actual.github.members.map((member) => member.login.toLowerCase()));
      for (const [login, member] of github.members)
        if (!members.has(login))
          add(
            `github:member:${login}`,
            member.personId,
            `${member.personId} (${login}) is not a member of ${model.github.org} (an invitation not yet accepted?)`,
            source,
          );
      const teams = new Set(actual.github.teams.map((team) => team.slug.toLowerCase()));
      const teamMembers = new Set(actual.github.teamMembers.map((member) => `${member.team.toLowerCase()}/${member.login.toLowerCase()}`));
      const repositories = new Map(
        actual.github.teamRepositories.map((entry) => [`${entry.team.toLowerCase()}/${entry.repository.toLowerCase()}`, entry.permission]),
      );
      for (const [slug, team] of github.teams) {
        if (!teams.has(slug)) {
          add(`github:team:${slug}`, `github:team/${slug}`, `team ${slug} is missing from ${model.github.org}`, source);
          continue;
        }
        for (const [login, member] of team.members)
          if (!teamMembers.has(`${slug}/${login}`))
            add(`github:team:${slug}:${login}`, member.personId, `${member.personId} (${login}) is not in team ${slug}`, source);
        for (const [repository, permission] of team.repositories) {
          const has = repositories.get(`${slug}/${repository}`);
          if (has === undefined || PERMISSION_RANK[has] < PERMISSION_RANK[permission]) {
            add(
              `github:team:${slug}:${repository}`,
              `github:team/${slug}`,
              `team ${slug} has ${has ?? 'no access'} on ${repository}, the roles grant ${permission}`,
              source,
            );
          }
        }
      }
    }
    if (identityCenter && actual.identityCenter) {
      const ic = actual.identityCenter;
      const source = 'not in the Identity Center export';
      const users = new Map(ic.users.map((user) => [user.userName, user.id]));
      const groups = new Map(ic.groups.map((group) => [group.name, group.id]));
      const memberships = new Set(ic.memberships.map((membership) => `${membership.groupId}/${membership.userId}`));
      for (const [userName, personId] of identityCenter.users)
        if (!users.has(userName))
          add(`identity-center:user/${userName}`, personId, `Identity Center user ${userName} of ${personId} is missing`, source);
      for (const [name, group] of identityCenter.groups) {
        const groupId = groups.get(name);
        if (groupId === undefined) {
          add(
            `identity-center:group/${name}`,
            `role:${group.roleId}`,
            `Identity Center group ${name} of role ${group.roleId} is missing`,
            source,
          );
          continue;
        }
        for (const userName of group.members) {
          const userId = users.get(userName);
          if (userId !== undefined && !memberships.has(`${groupId}/${userId}`))
            add(
              `identity-center:group/${name}:${userName}`,
              identityCenter.users.get(userName) ?? userName,
              `${userName} is not in Identity Center group ${name}`,
              source,
            );
        }
      }
      const sets = new Set(ic.permissionSets.map((set) => set.name));
      for (const name of identityCenter.permissionSets.keys())
        if (!sets.has(name))
          add(
            `identity-center:permission-set/${name}`,
            `identity-center:permission-set/${name}`,
            `permission set ${name} is missing`,
            source,
          );
    }
    return findings;
  },
};
