import type { AccessModel } from '../../model/types';
import { compareText } from '../../util/compare-text';
import type { ActualAccess } from '../actual';
import { peopleIndex } from '../rules/drift-index';

/** Someone the exports show with access and people.yaml does not name, with the roles their groups and teams suggest. */
export interface UnlistedPerson {
  /** A people.yaml id made from what is known (e-mail local part or login). */
  readonly id: string;
  readonly email?: string;
  readonly github?: string;
  /** Roles whose IAM group or GitHub team they are in. */
  readonly roles: readonly string[];
  /** Where they were seen, `file:line: what`. */
  readonly seen: readonly string[];
}

/**
 * The people who exist in the exports (IAM and Identity Center users named by e-mail, GitHub members)
 * but not in people.yaml, each with the roles their current groups and teams stand for: a starting
 * point for people.yaml, the way peribolos' dump bootstraps an org file. IAM users and GitHub logins
 * cannot be joined without a person to say who is who, so each is its own entry.
 */
export function unlistedPeople(model: AccessModel, actual: ActualAccess): UnlistedPerson[] {
  const people = peopleIndex(model);
  const roleOfGroup = new Map(model.aws.roles.map((role) => [role.groupName.toLowerCase(), role.roleId]));
  const roleOfTeam = new Map(model.github.teams.flatMap((team) => (team.roleId ? [[team.slug.toLowerCase(), team.roleId] as const] : [])));
  const found = new Map<string, { email?: string; github?: string; roles: Set<string>; seen: string[] }>();
  const entry = (key: string, init: { email?: string; github?: string }) => {
    const existing = found.get(key) ?? { ...init, roles: new Set<string>(), seen: [] };
    found.set(key, existing);
    return existing;
  };
  for (const user of actual.iam?.users ?? []) {
    if (people.byUserName(user.name) || !user.name.includes('@')) continue;
    const item = entry(`email:${user.name.toLowerCase()}`, { email: user.name });
    for (const group of user.groups) {
      const role = roleOfGroup.get(group.toLowerCase());
      if (role) item.roles.add(role);
    }
    item.seen.push(
      `${user.from.file}:${user.from.line}: IAM user in ${user.accountId}${user.groups.length ? `, groups ${user.groups.join(', ')}` : ''}`,
    );
  }
  for (const user of actual.identityCenter?.users ?? []) {
    if (people.byUserName(user.userName) || !user.userName.includes('@')) continue;
    entry(`email:${user.userName.toLowerCase()}`, { email: user.userName }).seen.push(
      `${user.from.file}:${user.from.line}: Identity Center user`,
    );
  }
  for (const member of actual.github?.members ?? []) {
    if (people.byLogin(member.login)) continue;
    const item = entry(`github:${member.login.toLowerCase()}`, { github: member.login });
    for (const team of actual.github?.teamMembers ?? []) {
      const role = team.login.toLowerCase() === member.login.toLowerCase() ? roleOfTeam.get(team.team.toLowerCase()) : undefined;
      if (role) item.roles.add(role);
    }
    item.seen.push(`${member.from.file}:${member.from.line}: GitHub ${member.role ?? 'member'} of ${model.github.org}`);
  }
  return [...found.values()]
    .map((item) => ({
      id: personId(item.email?.split('@')[0] ?? item.github ?? 'person'),
      ...(item.email ? { email: item.email } : {}),
      ...(item.github ? { github: item.github } : {}),
      roles: [...item.roles].sort(),
      seen: item.seen.sort(compareText),
    }))
    .sort((a, b) => compareText(a.id, b.id) || compareText(a.email ?? a.github ?? '', b.email ?? b.github ?? ''));
}

/** A people.yaml id: lower-case letters, digits and single hyphens. */
function personId(text: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(id) ? id : `person-${id}`.replace(/-+$/, '');
}
