import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualGithub } from '../actual';
import { REPO_PERMISSIONS, repoPermission } from './github-permission';
import { checkItems, checkShape, displayPath, readJson, readList, type JsonSource, type SourceRead } from './json-source';

const Login = z.object({ login: z.string().min(1) });
const Team = z.object({
  id: z.number().int().optional(),
  slug: z.string().min(1),
  name: z.string().optional(),
  parent: z.object({ slug: z.string().min(1) }).nullish(),
});
const Flags = z.object({ admin: z.boolean(), maintain: z.boolean(), push: z.boolean(), triage: z.boolean(), pull: z.boolean() }).partial();
const Repository = z.object({
  name: z.string().min(1),
  full_name: z.string().optional(),
  role_name: z.string().optional(),
  permissions: Flags.optional(),
});
const Org = z.object({ login: z.string().min(1) });

const KNOWN = /^(?:org|members|admins|teams)\.json$|^(?:team-members|team-maintainers|team-repos)\/[^/]+\.json$/;
const TEAM_FILE = /^(team-members|team-maintainers|team-repos)\/([^/]+)\.json$/;

/** The `gh api` command that writes a file of the export (https://cli.github.com/manual/gh_api), as a hint. */
function hintFor(key: string): string {
  const team = TEAM_FILE.exec(key);
  const path = team
    ? `orgs/ORG/teams/${team[2] ?? 'SLUG'}/${team[1] === 'team-repos' ? 'repos' : team[1] === 'team-maintainers' ? 'members?role=maintainer' : 'members'}`
    : key === 'org.json'
      ? 'orgs/ORG'
      : key === 'admins.json'
        ? 'orgs/ORG/members?role=admin'
        : `orgs/ORG/${key === 'teams.json' ? 'teams' : 'members'}`;
  return `${key === 'org.json' ? 'gh api' : 'gh api --paginate --slurp'} "${path}" > ${key} writes it (README, Auditing)`;
}

/** GitHub facts: https://docs.github.com/en/rest/teams/teams */
export interface GithubFacts {
  readonly github: ActualGithub;
}

/**
 * Reads a GitHub export directory of REST API responses, each list flat or as pages: `members.json`
 * (GET /orgs/{org}/members, required), `admins.json` (…/members?role=admin), `teams.json` (GET /orgs/{org}/teams),
 * `team-members/<slug>.json` (GET /orgs/{org}/teams/{slug}/members), `team-maintainers/<slug>.json`
 * (…?role=maintainer), `team-repos/<slug>.json` (…/repos) and `org.json` (GET /orgs/{org}). `files` holds
 * each file's text by path relative to `dir`, with `/`.
 * https://docs.github.com/en/rest/orgs/members#list-organization-members
 */
export function readGithubExport(dir: string, files: ReadonlyMap<string, string>): SourceRead<GithubFacts> {
  const problems: Problem[] = [];
  const shown = (key: string): string => (dir ? `${dir}/${key}` : key);
  const opened = new Map<string, JsonSource | undefined>();
  const open = (key: string): JsonSource | undefined => {
    if (!opened.has(key)) {
      const text = files.get(key);
      const read = text === undefined ? undefined : readJson(shown(key), text, hintFor(key));
      problems.push(...(read?.problems ?? []));
      opened.set(key, read?.source);
    }
    return opened.get(key);
  };
  const list = <S extends z.ZodType>(key: string, schema: S) => {
    const source = open(key);
    if (!source) return [];
    return checkItems(source, readList(source, source.data, '', hintFor(key), problems), schema, hintFor(key), problems).map((item) => ({
      ...item,
      source,
    }));
  };
  const fileProblem = (key: string, message: string, severity: Problem['severity']): Problem => ({
    severity,
    file: shown(key),
    line: 1,
    column: 1,
    message,
    hint: hintFor(key),
  });

  const keys = [...files.keys()].sort(compareText);
  for (const key of keys)
    if (!KNOWN.test(key))
      problems.push({
        severity: 'warning',
        file: shown(key),
        line: 1,
        column: 1,
        message: 'not a file of a GitHub export: ignored',
        hint: 'the export holds org.json, members.json, admins.json, teams.json and team-members/, team-maintainers/, team-repos/<slug>.json (README, Auditing)',
      });

  const admins = files.has('admins.json') ? new Set(list('admins.json', Login).map(({ value }) => value.login.toLowerCase())) : undefined;
  const members = list('members.json', Login).map(({ value, at, source }) => ({
    login: value.login,
    ...(admins ? { role: admins.has(value.login.toLowerCase()) ? ('admin' as const) : ('member' as const) } : {}),
    from: source.ref(at),
  }));
  const listed = list('teams.json', Team).map(({ value, at, source }) => ({
    slug: value.slug,
    name: value.name ?? value.slug,
    ...(value.id !== undefined ? { id: value.id } : {}),
    ...(value.parent ? { parent: value.parent.slug } : {}),
    from: source.ref(at),
    at,
  }));
  const fileSlugs = [...new Set(keys.flatMap((key) => TEAM_FILE.exec(key)?.[2] ?? []))];
  if (!files.has('teams.json'))
    problems.push(
      fileProblem('teams.json', 'teams.json is missing: teams are known only by their team-members and team-repos files', 'warning'),
    );
  const teams: ActualGithub['teams'][number][] = files.has('teams.json')
    ? listed.map(({ at: _at, ...team }) => team)
    : fileSlugs.map((slug) => ({
        slug,
        name: slug,
        from: { file: shown(files.has(`team-members/${slug}.json`) ? `team-members/${slug}.json` : `team-repos/${slug}.json`), line: 1 },
      }));

  const teamMembers: ActualGithub['teamMembers'][number][] = [];
  const teamRepositories: ActualGithub['teamRepositories'][number][] = [];
  for (const slug of [...new Set([...listed.map((team) => team.slug), ...fileSlugs])].sort(compareText)) {
    const membersKey = `team-members/${slug}.json`;
    const maintainersKey = `team-maintainers/${slug}.json`;
    if (!files.has(membersKey)) {
      const team = listed.find((item) => item.slug === slug);
      const teamsSource = open('teams.json');
      const message = `team ${slug} has no ${membersKey}: its members are unknown`;
      problems.push(
        team && teamsSource
          ? teamsSource.problem(team.at, `${displayPath(team.at)}: ${message}`, hintFor(membersKey), 'warning')
          : fileProblem(membersKey, message, 'warning'),
      );
    }
    const maintainers = files.has(maintainersKey)
      ? new Set(list(maintainersKey, Login).map(({ value }) => value.login.toLowerCase()))
      : undefined;
    for (const { value, at, source } of list(membersKey, Login)) {
      const role = maintainers ? { role: maintainers.has(value.login.toLowerCase()) ? ('maintainer' as const) : ('member' as const) } : {};
      teamMembers.push({ team: slug, login: value.login, ...role, from: source.ref(at) });
    }
    const reposKey = `team-repos/${slug}.json`;
    for (const { value, at, source } of list(reposKey, Repository)) {
      const flags = value.permissions ?? {};
      const permission = repoPermission(value.role_name) ?? [...REPO_PERMISSIONS].reverse().find((name) => flags[name] === true);
      if (permission === undefined) {
        problems.push(
          source.problem(
            at,
            `${displayPath(at)}: neither role_name nor permissions gives team ${slug}'s permission on ${value.name}`,
            hintFor(reposKey),
          ),
        );
        continue;
      }
      teamRepositories.push({ team: slug, repository: value.name, permission, from: source.ref(at) });
    }
  }

  const org = open('org.json');
  const login = org ? checkShape(org, '', org.data, Org, hintFor('org.json')) : undefined;
  problems.push(...(login?.problems ?? []));
  if (!files.has('members.json')) {
    problems.push(fileProblem('members.json', "members.json is missing: the organisation's members are unknown", 'error'));
    return { problems };
  }
  return {
    actual: {
      github: {
        members: members.sort((a, b) => compareText(a.login, b.login) || a.from.line - b.from.line),
        teams: teams.sort((a, b) => compareText(a.slug, b.slug) || compareText(a.from.file, b.from.file) || a.from.line - b.from.line),
        teamMembers: teamMembers.sort((a, b) => compareText(a.team, b.team) || compareText(a.login, b.login) || a.from.line - b.from.line),
        teamRepositories: teamRepositories.sort(
          (a, b) =>
            compareText(a.team, b.team) ||
            compareText(a.repository, b.repository) ||
            compareText(a.permission, b.permission) ||
            a.from.line - b.from.line,
        ),
      },
    },
    source: { kind: 'github-export', file: dir, scope: login?.value ? `GitHub organisation ${login.value.login}` : `GitHub export ${dir}` },
    problems,
  };
}
