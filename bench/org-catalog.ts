import { awsGrant, highest, type AccessEntry, type AwsKind, type AwsPlace, type Level, type StatementEntry } from './org-aws';
import { split, type OrgShape } from './org-shape';
import {
  DEPARTMENTS,
  DISCIPLINES,
  ONCALL_DISCIPLINE,
  REPOSITORY_SUFFIXES,
  SHARED_REPOSITORY_SUFFIXES,
  SYSTEMS,
  titleCase,
} from './org-words';
import type { Prng } from './prng';

/** The AWS accounts of every generated organisation, by name. */
export type Accounts = Readonly<Record<'prod' | 'staging' | 'tooling', string>>;

/** A role to generate: its team, and the capabilities its duties and baseline grant. */
export interface RolePlan {
  readonly id: string;
  readonly title: string;
  readonly team: string;
  readonly department: string;
  /** True for the team's on-call role, the only role that grants its rotation. */
  readonly oncall: boolean;
  /** Capability ids its duties grant, in the order the JD lists them. */
  readonly duties: string[];
  /** Capability ids every holder gets. */
  readonly baseline: readonly string[];
}

/** What kind of capability it is: decides the JD duty that quotes it. */
export type CapabilityKind = 'contribute' | AwsKind | 'admin' | 'reviewers' | 'oncall' | 'console' | 'read-shared';

/** A capability as capabilities.yaml writes it (risk acceptance added once the roles are known). */
export interface CapabilityPlan {
  readonly id: string;
  readonly kind: CapabilityKind;
  /** The team whose duty grants it; the department for a department baseline. */
  readonly owner: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly risk: Level;
  readonly aws: readonly {
    readonly accounts: readonly string[];
    readonly access?: readonly AccessEntry[];
    readonly statements?: readonly StatementEntry[];
    readonly managedPolicies?: readonly string[];
  }[];
  readonly github?: {
    readonly repositories: readonly { readonly name: string; readonly permission: string }[];
    readonly teams?: readonly string[];
    readonly existingTeams?: readonly string[];
  };
  readonly oncall?: { readonly rotations: readonly string[] };
  /** Roles that grant it, filled while roles are planned. */
  readonly grantedBy: string[];
}

/** An on-call rotation of capabilities.yaml. */
export interface RotationPlan {
  readonly id: string;
  readonly name: string;
  readonly handoff?: { readonly day: string; readonly time: string };
}

/** Everything but the people: roles, capabilities, rotations and repositories. */
export interface Catalog {
  readonly roles: readonly RolePlan[];
  readonly capabilities: readonly CapabilityPlan[];
  readonly rotations: readonly RotationPlan[];
  readonly repositories: readonly string[];
}

/** The existing GitHub team every on-call capability joins (created outside rolecall). */
export const INCIDENT_TEAM = 'incident-responders';
/** The capability every role but a few gets as baseline. */
export const CONSOLE_VIEW = 'aws-console-view';

/** The capability kind every team has. */
const TEAM_FIRST: CapabilityKind = 'contribute';
/** Team capability kinds after `contribute`, which every team has; each team takes a shuffled share. */
const TEAM_KINDS: readonly CapabilityKind[] = ['read', 'operate', 'deploy', 'observe', 'tooling', 'reviewers'];
/** Kinds rolecall rates high: a team has each only now and then, as risk acceptances are rare. */
const HIGH_KINDS: readonly CapabilityKind[] = ['data', 'admin'];
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  contribute: 'Push branches to the {T} repositories and approve pull requests there.',
  read: 'Read the {T} queues, tables, functions and logs in production, without changing them.',
  operate: 'Operate the {T} staging environment: read and change its data stores and rerun its jobs.',
  deploy: 'Deploy {T} to production through its pipeline and maintain its infrastructure repository.',
  observe: 'Read the {T} metrics, logs and traces in production and staging.',
  tooling: 'Build {T} container images and run its build projects in the tooling account.',
  data: 'Decrypt {T} backups and repair single records in production tables.',
  admin: 'Administer the settings and branch protection of the main {T} repositories.',
  reviewers: 'Join the {T} code owners team that reviews changes to shared paths.',
  oncall: 'Be paged in the {T} primary rotation and join the incident responders team.',
};
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  contribute: ['code', 'pull request', 'feature'],
  read: ['production', 'investigate', 'logs'],
  operate: ['staging', 'operate', 'jobs'],
  deploy: ['deploy', 'release', 'rollout'],
  observe: ['dashboards', 'metrics', 'traces', 'alarms'],
  tooling: ['build', 'images', 'containers'],
  data: ['restore', 'backups', 'records'],
  admin: ['repository settings', 'branch protection'],
  reviewers: ['code owners', 'review'],
  oncall: ['on-call', 'incidents', 'pages'],
};

/** Plans teams, roles, repositories, rotations and capabilities for `shape`. */
export function planCatalog(shape: OrgShape, accounts: Accounts, org: string, prng: Prng): Catalog {
  const systems = names(SYSTEMS, shape.teams);
  const departments = names(DEPARTMENTS, shape.departments);
  const departmentOf = (team: number): string => departments[Math.floor(team / 6)] as string;
  const sharedRepos = split(Math.round(shape.repositories * 0.1), shape.departments);
  const teamRepos = split(shape.repositories - sharedRepos.reduce((sum, count) => sum + count, 0), shape.teams);
  const rolesPerTeam = split(shape.roles, shape.teams);
  const teamCapabilities = split(shape.capabilities - 1 - shape.departments - shape.rotations, shape.teams);

  const repositories: string[] = [];
  const capabilities: CapabilityPlan[] = [consoleView(accounts)];
  departments.forEach((department, index) => {
    const repos = names(SHARED_REPOSITORY_SUFFIXES, sharedRepos[index] ?? 0).map((suffix) => `${department}-${suffix}`);
    repositories.push(...repos);
    capabilities.push(
      plan(`github-read-${department}`, 'read-shared', department, 'low', {
        description: `Read the shared ${titleCase(department)} repositories: handbook, libraries and decision records.`,
        keywords: ['github', 'repositories', 'source code'],
        github: { repositories: repos.map((name) => ({ name, permission: 'pull' })) },
      }),
    );
  });

  const rotations: RotationPlan[] = [];
  const roles: RolePlan[] = [];
  systems.forEach((team, teamIndex) => {
    const title = titleCase(team);
    const department = departmentOf(teamIndex);
    const repos = names(REPOSITORY_SUFFIXES, teamRepos[teamIndex] ?? 0).map((suffix) => `${team}-${suffix}`);
    repositories.push(...repos);
    const hasRotation = teamIndex < shape.rotations;
    const disciplines = [...(hasRotation ? [ONCALL_DISCIPLINE] : []), ...prng.shuffle(DISCIPLINES)].slice(0, rolesPerTeam[teamIndex]);
    const teamRoles: RolePlan[] = disciplines.map((discipline, index) => ({
      id: `${discipline.id}-${team}`,
      title: `${discipline.title}, ${title}`,
      team,
      department,
      oncall: hasRotation && index === 0,
      duties: [],
      baseline: [...(prng.chance(0.75) ? [CONSOLE_VIEW] : []), `github-read-${department}`],
    }));
    roles.push(...teamRoles);
    const place = (account: keyof Accounts): AwsPlace => ({ account: accounts[account], region: 'eu-west-1', team, org });

    const optional = prng.shuffle([...TEAM_KINDS, ...HIGH_KINDS.filter(() => prng.chance(0.3))]);
    const kinds: CapabilityKind[] = [TEAM_FIRST, ...optional].slice(0, teamCapabilities[teamIndex] ?? 1);
    const teamCaps = kinds.map((kind) => teamCapability(kind, team, repos, place, prng));
    if (hasRotation) {
      const rotation: RotationPlan = prng.chance(0.3)
        ? {
            id: `${team}-primary`,
            name: `${title} primary`,
            handoff: { day: prng.pick(['tuesday', 'wednesday', 'thursday']), time: prng.pick(['10:00', '11:00', '14:00']) },
          }
        : { id: `${team}-primary`, name: `${title} primary` };
      rotations.push(rotation);
      const oncall = plan(`oncall-${team}`, 'oncall', team, 'low', {
        oncall: { rotations: [rotation.id] },
        github: { repositories: [], existingTeams: [INCIDENT_TEAM] },
      });
      capabilities.push(oncall);
      grant(oncall, teamRoles[0] as RolePlan);
    }
    for (const capability of teamCaps) {
      capabilities.push(capability);
      const holders = capability.risk === 'high' ? 1 : prng.int(1, Math.min(3, teamRoles.length));
      for (const role of prng.sample(teamRoles, holders)) grant(capability, role);
    }
    const contribute = teamCaps[0] as CapabilityPlan;
    for (const role of teamRoles) if (role.duties.length === 0 || (!role.oncall && prng.chance(0.5))) grant(contribute, role);
  });
  return { roles, capabilities, rotations, repositories };
}

function grant(capability: CapabilityPlan, role: RolePlan): void {
  if (role.duties.includes(capability.id)) return;
  role.duties.push(capability.id);
  capability.grantedBy.push(role.id);
}

/** One capability of a team. */
function teamCapability(
  kind: CapabilityKind,
  team: string,
  repos: readonly string[],
  place: (account: keyof Accounts) => AwsPlace,
  prng: Prng,
): CapabilityPlan {
  const id = `${team}-${kind === 'contribute' ? 'contribute' : kind === 'read' ? 'read-prod' : kind === 'operate' ? 'operate-staging' : kind === 'deploy' ? 'deploy-prod' : kind === 'data' ? 'data-repair-prod' : kind === 'admin' ? 'repo-admin' : kind}`;
  const inAccount = (account: keyof Accounts, awsKind: AwsKind) => {
    const made = awsGrant(awsKind, place(account), prng);
    return {
      entry: {
        accounts: [account],
        ...(made.access.length ? { access: made.access } : {}),
        ...(made.statements.length ? { statements: made.statements } : {}),
      },
      risk: made.risk,
    };
  };
  switch (kind) {
    case 'contribute':
      return plan(id, kind, team, 'low', { github: { repositories: repos.map((name) => ({ name, permission: 'push' })) } });
    case 'read':
    case 'data': {
      const made = inAccount('prod', kind);
      return plan(id, kind, team, made.risk, { aws: [made.entry] });
    }
    case 'operate': {
      const made = inAccount('staging', kind);
      return plan(id, kind, team, made.risk, { aws: [made.entry] });
    }
    case 'deploy': {
      const made = inAccount('prod', kind);
      const repo = repos.find((name) => name.endsWith('-infra')) ?? (repos[0] as string);
      return plan(id, kind, team, highest([made.risk, 'medium']), {
        aws: [made.entry],
        github: { repositories: [{ name: repo, permission: 'maintain' }] },
      });
    }
    case 'observe': {
      const prod = inAccount('prod', kind);
      const staging = inAccount('staging', kind);
      return plan(id, kind, team, highest([prod.risk, staging.risk]), { aws: [prod.entry, staging.entry] });
    }
    case 'tooling': {
      const made = inAccount('tooling', kind);
      return plan(id, kind, team, made.risk, { aws: [made.entry] });
    }
    case 'admin':
      return plan(id, kind, team, 'high', { github: { repositories: repos.slice(0, 2).map((name) => ({ name, permission: 'admin' })) } });
    case 'reviewers':
      return plan(id, kind, team, 'low', {
        github: { repositories: repos.slice(0, 3).map((name) => ({ name, permission: 'pull' })), teams: [`${team}-reviewers`] },
      });
    default:
      throw new Error(`not a team capability kind: ${kind}`);
  }
}

function consoleView(accounts: Accounts): CapabilityPlan {
  return plan(CONSOLE_VIEW, 'console', 'all', 'low', {
    description: 'Look around every AWS account in the console without reading any data.',
    keywords: ['aws', 'console'],
    aws: [{ accounts: Object.keys(accounts).sort(), managedPolicies: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'] }],
  });
}

function plan(
  id: string,
  kind: CapabilityKind,
  owner: string,
  risk: Level,
  parts: Partial<Pick<CapabilityPlan, 'description' | 'keywords' | 'aws' | 'github' | 'oncall'>>,
): CapabilityPlan {
  const title = titleCase(owner);
  return {
    id,
    kind,
    owner,
    description: parts.description ?? (DESCRIPTIONS[kind] ?? kind).replace('{T}', title),
    keywords: parts.keywords ?? KEYWORDS[kind] ?? [],
    risk,
    aws: parts.aws ?? [],
    ...(parts.github ? { github: parts.github } : {}),
    ...(parts.oncall ? { oncall: parts.oncall } : {}),
    grantedBy: [],
  };
}

/** `count` distinct names from `words`, numbered (`-2`, `-3`) once the list runs out. */
function names(words: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const round = Math.floor(index / words.length);
    const word = words[index % words.length] as string;
    return round === 0 ? word : `${word}-${round + 1}`;
  });
}
