import { z } from 'zod';
import type { Problem } from '../../load/problem';
import type { RepoPermission } from '../../schema';
import { compareText } from '../../util/compare-text';
import type { ActualGithub, SourceInfo } from '../actual';
import { checkShape, flatten, readJson, type JsonSource } from './json-source';

const HINT = "give the directory the README's `gh api` commands write (members.json, teams.json, team-members/<slug>.json, team-repos/<slug>.json)";
const Login = z.object({ login: z.string().min(1) });
const Team = z.object({ slug: z.string().min(1), name: z.string().default(''), id: z.number().int().optional(), parent: z.object({ slug: z.string() }).nullable().optional() });
const Repository = z.object({
  name: z.string().min(1),
  role_name: z.string().optional(),
  permissions: z.object({ admin: z.boolean().optional(), maintain: z.boolean().optional(), push: z.boolean().optional(), triage: z.boolean().optional(), pull: z.boolean().optional() }).optional(),
});
const RANK: readonly RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];
const KNOWN = /^(org|members|admins|teams)\.json$|^(team-members|team-maintainers|team-repos)\/[^/]+\.json$/;

/**
 * Reads a GitHub export directory (GitHub REST API responses, each list flat or as pages):
 * `members.json` (GET /orgs/{org}/members), `admins.json` (…/members?role=admin), `teams.json`
 * (GET /orgs/{org}/teams), `team-members/<slug>.json` (GET /orgs/{org}/teams/{slug}/members),
 * `team-maintainers/<slug>.json` (…?role=maintainer), `team-repos/<slug>.json` (…/repos), `org.json`.
 * https://docs.github.com/en/rest/orgs/members, https://docs.github.com/en/rest/teams/teams
 */
export function readGithubExport(dir: string, files: ReadonlyMap<string, string>): { github?: ActualGithub; source?: SourceInfo; problems: Problem[] } {
  const problems: Problem[] = [];
  const open = (name: string): JsonSource | undefined => {
    const text = files.get(name);
    if (text === undefined) return undefined;
    const read = readJson(`${dir}/${name}`, text, HINT);
    problems.push(...read.problems);
    return read.source;
  };
  const list = <S extends z.ZodType>(name: string, schema: S): { value: z.output<S>; at: string; source: JsonSource }[] => {
    const source = open(name);
    if (!source) return [];
    const flat = flatten(source.data);
    if (!flat) {
      problems.push(source.problem('', 'expected a JSON list (or a list of pages)', HINT));
      return [];
    }
    return flat.items.flatMap((item) => {
      const checked = checkShape(source, item.at.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), item.value, schema, HINT);
      problems.push(...checked.problems);
      return checked.value === undefined ? [] : [{ value: checked.value, at: item.at, source }];
    });
  };
  for (const name of files.keys()) if (!KNOWN.test(name)) problems.push({ severity: 'warning', file: `${dir}/${name}`, line: 1, column: 1, message: 'not a file of a GitHub export: ignored', hint: HINT });
  if (!files.has('members.json')) return { problems: [...problems, { severity: 'error', file: `${dir}/members.json`, line: 1, column: 1, message: 'members.json is missing', hint: HINT }] };

  const admins = files.has('admins.json') ? new Set(list('admins.json', Login).map((item) => item.value.login.toLowerCase())) : undefined;
  const members = list('members.json', Login).map(({ value, at, source }) => ({
    login: value.login,
    ...(admins ? { role: admins.has(value.login.toLowerCase()) ? ('admin' as const) : ('member' as const) } : {}),
    from: source.ref(at),
  }));
  const teams = list('teams.json', Team).map(({ value, at, source }) => ({
    slug: value.slug,
    name: value.name || value.slug,
    ...(value.id !== undefined ? { id: value.id } : {}),
    ...(value.parent ? { parent: value.parent.slug } : {}),
    from: source.ref(at),
  }));
  const slugs = new Set<string>([...teams.map((team) => team.slug), ...[...files.keys()].flatMap((name) => /^(?:team-members|team-repos)\/([^/]+)\.json$/.exec(name)?.[1] ?? [])]);
  const teamMembers: ActualGithub['teamMembers'][number][] = [];
  const teamRepositories: ActualGithub['teamRepositories'][number][] = [];
  for (const slug of [...slugs].sort(compareText)) {
    if (!files.has(`team-members/${slug}.json`)) {
      if (teams.some((team) => team.slug === slug)) problems.push({ severity: 'warning', file: `${dir}/team-members/${slug}.json`, line: 1, column: 1, message: `team ${slug} has no members file: its members are unknown`, hint: HINT });
    }
    const maintainers = files.has(`team-maintainers/${slug}.json`) ? new Set(list(`team-maintainers/${slug}.json`, Login).map((item) => item.value.login.toLowerCase())) : undefined;
    for (const { value, at, source } of list(`team-members/${slug}.json`, Login)) {
      teamMembers.push({ team: slug, login: value.login, ...(maintainers ? { role: maintainers.has(value.login.toLowerCase()) ? ('maintainer' as const) : ('member' as const) } : {}), from: source.ref(at) });
    }
    for (const { value, at, source } of list(`team-repos/${slug}.json`, Repository)) {
      teamRepositories.push({ team: slug, repository: value.name, permission: permissionOf(value), from: source.ref(at) });
    }
  }
  const orgSource = open('org.json');
  const login = orgSource && typeof orgSource.data === 'object' && orgSource.data !== null ? (orgSource.data as Record<string, unknown>)['login'] : undefined;
  return {
    github: {
      members: members.sort((a, b) => compareText(a.login, b.login)),
      teams: teams.sort((a, b) => compareText(a.slug, b.slug)),
      teamMembers: teamMembers.sort((a, b) => compareText(a.team, b.team) || compareText(a.login, b.login)),
      teamRepositories: teamRepositories.sort((a, b) => compareText(a.team, b.team) || compareText(a.repository, b.repository)),
    },
    source: { kind: 'github-export', file: dir, scope: typeof login === 'string' ? `GitHub organisation ${login}` : `GitHub export ${dir}` },
    problems,
  };
}

function permissionOf(repository: z.output<typeof Repository>): RepoPermission {
  const role = repository.role_name === 'read' ? 'pull' : repository.role_name === 'write' ? 'push' : repository.role_name;
  if (RANK.includes(role as RepoPermission)) return role as RepoPermission;
  const flags = repository.permissions ?? {};
  return [...RANK].reverse().find((permission) => flags[permission] === true) ?? 'pull';
}
