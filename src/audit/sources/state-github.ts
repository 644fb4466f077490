import { z } from 'zod';
import { compareText } from '../../util/compare-text';
import type { ActualGithub } from '../actual';
import { repoPermission } from './github-permission';
import { displayPath } from './json-source';
import { hasAny, typed, type StateContext, type StateResource } from './state-resources';

const Id = z.union([z.string().min(1), z.number()]);
const Membership = z.object({ username: z.string().min(1), role: z.string().nullish() });
const Team = z.object({
  id: Id,
  name: z.string().min(1),
  slug: z.string().nullish(),
  parent_team_id: z.union([z.string(), z.number()]).nullish(),
});
const TeamMembership = z.object({ team_id: Id, username: z.string().min(1), role: z.string().nullish() });
const TeamMembers = z.object({ team_id: Id, members: z.array(z.object({ username: z.string().min(1), role: z.string().nullish() })) });
const TeamRepository = z.object({ team_id: Id, repository: z.string().min(1), permission: z.string().nullish() });

const GITHUB_TYPES = ['github_membership', 'github_team', 'github_team_membership', 'github_team_members', 'github_team_repository'];

/**
 * Reduces the integrations/github 6.x resources of a state to organisation members, teams, team members
 * and team repositories. A `team_id` is a team's numeric id (read as the slug of the state's `github_team`
 * of that id) or a slug. https://registry.terraform.io/providers/integrations/github/6.9.0/docs/resources/team_membership
 */
export function stateGithub(context: StateContext): ActualGithub | undefined {
  if (!hasAny(context, GITHUB_TYPES)) return undefined;
  const { source, problems } = context;
  const teams = typed(context, 'github_team', Team);
  const slugOf = new Map(teams.map(({ value }) => [String(value.id), value.slug || value.name]));
  /** The slug a team id names: the state's team of that numeric id, or the id itself when it is a slug. */
  const slug = (id: string | number, resource: StateResource): string | undefined => {
    const text = String(id);
    const known = slugOf.get(text);
    if (known !== undefined || !/^\d+$/.test(text)) return known ?? text;
    const at = `${resource.at}/team_id`;
    problems.push(
      source.problem(
        at,
        `${displayPath(at)}: team id ${text} of ${resource.address} is no github_team of this state: its slug is unknown, so the resource is not read`,
        'give the state that holds the team too, or write the team by slug',
        'warning',
      ),
    );
    return undefined;
  };

  const teamMembers: ActualGithub['teamMembers'][number][] = [];
  for (const { value, resource } of typed(context, 'github_team_membership', TeamMembership)) {
    const team = slug(value.team_id, resource);
    if (team !== undefined)
      teamMembers.push({ team, login: value.username, role: value.role === 'maintainer' ? 'maintainer' : 'member', from: resource.from });
  }
  for (const { value, resource } of typed(context, 'github_team_members', TeamMembers)) {
    const team = slug(value.team_id, resource);
    if (team !== undefined)
      for (const member of value.members)
        teamMembers.push({
          team,
          login: member.username,
          role: member.role === 'maintainer' ? 'maintainer' : 'member',
          from: resource.from,
        });
  }
  const teamRepositories: ActualGithub['teamRepositories'][number][] = [];
  for (const { value, resource } of typed(context, 'github_team_repository', TeamRepository)) {
    const team = slug(value.team_id, resource);
    const permission = repoPermission(value.permission ?? 'pull');
    if (permission === undefined) {
      const at = `${resource.at}/permission`;
      problems.push(
        source.problem(
          at,
          `${displayPath(at)}: custom repository role ${value.permission ?? ''} of ${resource.address} is not compared: not read`,
          'rolecall grants pull, triage, push, maintain or admin',
          'warning',
        ),
      );
    } else if (team !== undefined) {
      teamRepositories.push({ team, repository: value.repository, permission, from: resource.from });
    }
  }
  return {
    members: typed(context, 'github_membership', Membership)
      .map(({ value, resource }) => ({
        login: value.username,
        role: value.role === 'admin' ? ('admin' as const) : ('member' as const),
        from: resource.from,
      }))
      .sort((a, b) => compareText(a.login, b.login) || a.from.line - b.from.line),
    teams: teams
      .map(({ value, resource }) => {
        const id = typeof value.id === 'number' ? value.id : /^\d+$/.test(value.id) ? Number(value.id) : undefined;
        const parent =
          value.parent_team_id === null || value.parent_team_id === undefined || value.parent_team_id === ''
            ? undefined
            : slugOf.get(String(value.parent_team_id));
        return {
          slug: value.slug || value.name,
          name: value.name,
          ...(id !== undefined ? { id } : {}),
          ...(parent !== undefined ? { parent } : {}),
          from: resource.from,
        };
      })
      .sort((a, b) => compareText(a.slug, b.slug) || a.from.line - b.from.line),
    teamMembers: teamMembers.sort((a, b) => compareText(a.team, b.team) || compareText(a.login, b.login) || a.from.line - b.from.line),
    teamRepositories: teamRepositories.sort(
      (a, b) => compareText(a.team, b.team) || compareText(a.repository, b.repository) || a.from.line - b.from.line,
    ),
  };
}
