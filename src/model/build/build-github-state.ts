import type { Located } from '../../load/roles-bundle';
import type { CapabilityFile, OrgFile, RepoPermission, RoleFile } from '../../schema';
import { compareText } from '../../util/compare-text';
import { githubTeamSlug } from './github-team-slug';
import type { GithubState, GithubTeam, PersonAccess, Role } from '../types';

const PERMISSION_ORDER: readonly RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];

type Member = GithubTeam['members'][number];

/**
 * Desired GitHub state: a membership per active person (admin for owners), a team per role, a team per
 * capability team, and the memberships rolecall grants in existing teams. Expects checked input.
 */
export function githubState(
  org: OrgFile,
  roles: readonly Role[],
  people: readonly PersonAccess[],
  roleFiles: readonly Located<RoleFile>[],
  capabilityFiles: ReadonlyMap<string, Located<CapabilityFile>>,
): GithubState {
  const activePeople = people.filter((person) => person.status === 'active');
  const owners = new Set(org.github.owners);
  const personById = new Map(people.map((person) => [person.id, person]));
  const roleFileOf = new Map(roleFiles.map((role) => [role.value.id, role.value]));

  const membersOf = (memberIds: Iterable<string>, declared: ReadonlySet<string>): Member[] =>
    [...memberIds]
      .map((id) => personById.get(id))
      .filter((person): person is PersonAccess => person !== undefined)
      .map((person): Member => ({
        personId: person.id,
        login: person.github,
        // GitHub makes an organisation owner maintainer of any team they join; asking for "member" would
        // never settle. https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team_membership
        role: declared.has(person.id) || owners.has(person.id) ? 'maintainer' : 'member',
      }))
      .sort((a, b) => compareText(a.personId, b.personId));

  const withMaintainer = (members: Member[]): Member[] => {
    if (members.length === 0 || members.some((member) => member.role === 'maintainer')) return members;
    // GitHub makes someone maintain a team with none, and the plan never settles: name one ourselves,
    // the longest-serving member (then by id), and let `validate` warn about it.
    const start = (member: Member): string => personById.get(member.personId)?.start ?? '';
    const senior = [...members].sort((a, b) => compareText(start(a), start(b)) || compareText(a.personId, b.personId))[0];
    return senior ? members.map((member) => (member === senior ? { ...member, role: 'maintainer', fallback: true } : member)) : members;
  };

  const roleTeams: GithubTeam[] = roles.map((role) => {
    const file = roleFileOf.get(role.id);
    const name = file?.team?.name ?? role.id;
    return {
      id: role.id,
      slug: githubTeamSlug(name),
      name,
      description: `${role.title}: managed by rolecall from ${role.jd}`,
      roleId: role.id,
      members: withMaintainer(membersOf(role.members, new Set(file?.maintainers ?? []))),
      repositories: repositoriesOf(role, capabilityFiles),
    };
  });

  // Who each capability team and existing team takes in: the active holders of a role granting it.
  const granted = new Map<string, Set<string>>();
  for (const role of roles) {
    for (const grant of role.grants) {
      if (grant.target.backend !== 'github' || grant.target.kind !== 'team') continue;
      const members = granted.get(grant.target.team) ?? new Set<string>();
      for (const member of role.members) members.add(member);
      granted.set(grant.target.team, members);
    }
  }
  const declared = (key: 'teams' | 'existingTeams'): string[] => [
    ...new Set([...capabilityFiles.values()].flatMap((capability) => capability.value.github?.[key] ?? [])),
  ];

  const capabilityTeams: GithubTeam[] = declared('teams').map((slug) => ({
    id: slug,
    slug,
    name: slug,
    description: `${slug}: managed by rolecall`,
    members: withMaintainer(membersOf(granted.get(slug) ?? [], new Set())),
    repositories: [],
  }));
  const existingTeams: GithubTeam[] = declared('existingTeams').map((slug) => ({
    id: slug,
    slug,
    name: slug,
    description: '',
    existing: true,
    // No fallback maintainer: whoever maintains an existing team is not rolecall's business.
    members: membersOf(granted.get(slug) ?? [], new Set()),
    repositories: [],
  }));

  return {
    org: org.github.org,
    ...(org.github.parentTeam ? { parentTeam: org.github.parentTeam } : {}),
    privacy: org.github.teamPrivacy,
    members: activePeople.map((person) => ({
      personId: person.id,
      login: person.github,
      role: owners.has(person.id) ? 'admin' : 'member',
    })),
    teams: [...roleTeams, ...capabilityTeams, ...existingTeams].sort((a, b) => compareText(a.id, b.id)),
  };
}

/** A role team's repositories, each at the highest permission any of the role's capabilities asks for. */
function repositoriesOf(role: Role, capabilityFiles: ReadonlyMap<string, Located<CapabilityFile>>): GithubTeam['repositories'] {
  const repositories = new Map<string, { name: string; permission: RepoPermission; capabilities: Set<string> }>();
  for (const { id } of role.capabilities) {
    for (const repository of capabilityFiles.get(id)?.value.github?.repositories ?? []) {
      const key = repository.name.toLowerCase();
      const entry = repositories.get(key) ?? { name: repository.name, permission: repository.permission, capabilities: new Set<string>() };
      if (PERMISSION_ORDER.indexOf(repository.permission) > PERMISSION_ORDER.indexOf(entry.permission))
        entry.permission = repository.permission;
      entry.capabilities.add(id);
      repositories.set(key, entry);
    }
  }
  return [...repositories.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, entry]) => ({ name: entry.name, permission: entry.permission, capabilities: [...entry.capabilities].sort() }));
}
