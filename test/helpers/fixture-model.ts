import { githubTeamSlug } from '../../src/model/build/github-team-slug';
import type {
  AccessModel,
  AwsAccount,
  AwsRole,
  AwsState,
  AwsUser,
  GithubState,
  GithubTeam,
  IncidentManagerOncallState,
  OncallState,
  PersonAccess,
  PersonStatus,
  PolicyDocument,
  Role,
  Rotation,
} from '../../src/model/types';
import type { RepoPermission } from '../../src/schema';

/** A person of a fixture, as a people.yaml entry would have them. */
export interface FixturePerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly github: string;
  readonly roles: readonly string[];
  readonly start: string;
  readonly end?: string;
  readonly oncallOptOut?: string;
}

/** A role's access in one AWS account, already compiled. */
export interface FixtureAwsAccess {
  readonly account: string;
  readonly inline?: readonly PolicyDocument[];
  readonly managed?: readonly PolicyDocument[];
  readonly attachedArns?: readonly string[];
}

/** A role of a fixture with everything it grants. */
export interface FixtureRole {
  readonly id: string;
  readonly title: string;
  readonly maintainers?: readonly string[];
  readonly aws?: readonly FixtureAwsAccess[];
  readonly repositories?: readonly { readonly name: string; readonly permission: RepoPermission }[];
  /** The role team's name. @default the role id */
  readonly teamName?: string;
  /** Extra (non-role) GitHub teams the role's holders join. */
  readonly teams?: readonly string[];
  /** Existing GitHub teams (by slug) the role's holders join. */
  readonly existingTeams?: readonly string[];
  readonly rotations?: readonly string[];
}

/** Everything a fixture model is built from. Entries may come in any order: the factory sorts, as the model does. */
export interface FixtureInput {
  readonly asOf: string;
  readonly awsMode: AwsState['mode'];
  readonly requireMfa: boolean;
  readonly accounts: readonly { readonly name: string; readonly id: string; readonly assumeRoleArn?: string }[];
  readonly people: readonly FixturePerson[];
  readonly roles: readonly FixtureRole[];
  readonly owners: readonly string[];
  readonly parentTeam?: string;
  readonly rotations: readonly {
    readonly id: string;
    readonly name: string;
    readonly handoff?: Rotation['handoff'];
    readonly onCallAtOnce?: number;
  }[];
  readonly oncallBackend: OncallState['backend'];
  /** Account (by name) of the Identity Center instance. */
  readonly identityCenterAccount: string;
  /** Account (by name) Incident Manager lives in. */
  readonly oncallAccount: string;
  readonly replicationSet?: IncidentManagerOncallState['replicationSet'];
}

const ACCOUNT_IDS = { prod: '418273645190', staging: '507318264920' } as const;

/** A compact, valid IAM policy document. */
function policy(name: string, actions: readonly string[], resource: string): PolicyDocument {
  return {
    name,
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] }),
  };
}

/**
 * The default fixture: eight people (one who has left, one not started yet, one on-call opt-out, one
 * mixed-case GitHub login), four roles across two accounts, three rotations (one with a mid-week
 * hand-off and two people on call at once).
 */
export const DEFAULT_FIXTURE: FixtureInput = {
  asOf: '2025-06-02',
  awsMode: 'iam-groups',
  requireMfa: true,
  accounts: [
    { name: 'prod', id: ACCOUNT_IDS.prod, assumeRoleArn: `arn:aws:iam::${ACCOUNT_IDS.prod}:role/rolecall-deploy` },
    { name: 'staging', id: ACCOUNT_IDS.staging },
  ],
  owners: ['amara-okafor'],
  parentTeam: 'engineering',
  people: [
    {
      id: 'amara-okafor',
      name: 'Amara Okafor',
      email: 'amara.okafor@example.com',
      github: 'amaraokafor',
      roles: ['cloud-engineer', 'platform-engineer'],
      start: '2021-03-01',
      oncallOptOut: 'incident commander',
    },
    {
      id: 'jonas-lindqvist',
      name: 'Jonas Lindqvist',
      email: 'jonas.lindqvist@example.com',
      github: 'JLindqvist',
      roles: ['site-reliability-engineer', 'platform-engineer'],
      start: '2021-09-13',
    },
    {
      id: 'priya-raman',
      name: 'Priya Raman',
      email: 'priya.raman@example.com',
      github: 'priya-raman-dev',
      roles: ['software-engineer'],
      start: '2022-02-07',
    },
    {
      id: 'mateo-alvarez',
      name: 'Mateo Álvarez',
      email: 'Mateo.Alvarez@example.com',
      github: 'mateo-alv',
      roles: ['cloud-engineer'],
      start: '2022-06-20',
    },
    {
      id: 'hana-suzuki',
      name: 'Hana Suzuki',
      email: 'hana.suzuki@example.com',
      github: 'hanasuzuki',
      roles: ['site-reliability-engineer'],
      start: '2023-01-09',
    },
    {
      id: 'li-wei',
      name: 'Li Wei',
      email: 'li.wei@example.com',
      github: 'liwei-ops',
      roles: ['software-engineer', 'site-reliability-engineer'],
      start: '2023-04-03',
    },
    {
      id: 'olu-adeyemi',
      name: 'Olu Adeyemi',
      email: 'olu.adeyemi@example.com',
      github: 'olu-a',
      roles: ['platform-engineer'],
      start: '2020-05-04',
      end: '2025-03-31',
    },
    {
      id: 'sara-nyberg',
      name: 'Sara Nyberg',
      email: 'sara.nyberg@example.com',
      github: 'saranyberg',
      roles: ['software-engineer'],
      start: '2025-07-01',
    },
  ],
  roles: [
    {
      id: 'cloud-engineer',
      title: 'Cloud Engineer',
      maintainers: ['mateo-alvarez'],
      aws: [
        {
          account: 'prod',
          inline: [policy('cloud-engineer-1', ['ec2:Describe*'], '*')],
          attachedArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
        },
        {
          account: 'staging',
          inline: [policy('cloud-engineer-1', ['ec2:*'], '*')],
          managed: [policy('cloud-engineer-staging-2', ['s3:GetObject'], 'arn:aws:s3:::northwind-staging/*')],
          attachedArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
        },
      ],
      repositories: [
        { name: 'platform-infra', permission: 'push' },
        { name: 'Terraform.Modules', permission: 'pull' },
      ],
      rotations: ['platform-primary'],
    },
    {
      id: 'platform-engineer',
      title: 'Platform Engineer',
      aws: [{ account: 'staging', inline: [policy('platform-engineer-1', ['eks:DescribeCluster'], '*')] }],
      repositories: [
        { name: 'platform-infra', permission: 'maintain' },
        { name: 'k8s-platform', permission: 'push' },
      ],
      teams: ['release-managers'],
      rotations: ['platform-primary'],
    },
    {
      id: 'site-reliability-engineer',
      title: 'Site Reliability Engineer',
      maintainers: ['jonas-lindqvist'],
      aws: [
        {
          account: 'prod',
          inline: [
            policy('site-reliability-engineer-1', ['cloudwatch:GetMetricData'], '*'),
            // An IAM policy variable: Terraform must receive it escaped, AWS must receive it as written.
            policy('site-reliability-engineer-2', ['ssm:TerminateSession'], 'arn:aws:ssm:eu-west-1:418273645190:session/${aws:username}-*'),
          ],
          attachedArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      ],
      repositories: [{ name: 'runbooks', permission: 'admin' }],
      rotations: ['platform-primary', 'database-oncall'],
    },
    {
      id: 'software-engineer',
      title: 'Software Engineer',
      repositories: [{ name: 'shipment-api', permission: 'push' }],
      rotations: ['platform-secondary'],
    },
  ],
  rotations: [
    { id: 'platform-primary', name: 'Platform primary' },
    { id: 'platform-secondary', name: 'Platform secondary', onCallAtOnce: 2 },
    { id: 'database-oncall', name: 'Database on-call', handoff: { day: 'wednesday', time: '10:30' } },
  ],
  oncallBackend: 'aws-incident-manager',
  identityCenterAccount: 'prod',
  oncallAccount: 'prod',
  replicationSet: { regions: ['eu-west-1', 'eu-central-1'] },
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compare(a.id, b.id));

function statusOf(person: FixturePerson, asOf: string): PersonStatus {
  if (asOf < person.start) return 'not-started';
  if (person.end !== undefined && asOf > person.end) return 'ended';
  return 'active';
}

/**
 * Builds an `AccessModel` the way the model builder does (sorted by id, only active people hold
 * access, rotation members by start date then id), from `DEFAULT_FIXTURE` with `overrides` applied.
 */
export function fixtureModel(overrides: Partial<FixtureInput> = {}): AccessModel {
  const input: FixtureInput = { ...DEFAULT_FIXTURE, ...overrides };
  const roleInputs = byId(input.roles);
  const peopleInputs = byId(input.people);
  const active = peopleInputs.filter((person) => statusOf(person, input.asOf) === 'active');
  const holders = (roleId: string): string[] => active.filter((person) => person.roles.includes(roleId)).map((person) => person.id);

  const people: PersonAccess[] = peopleInputs.map((person) => ({
    id: person.id,
    name: person.name,
    email: person.email,
    github: person.github,
    roles: [...person.roles].sort(compare),
    start: person.start,
    ...(person.end ? { end: person.end } : {}),
    status: statusOf(person, input.asOf),
    ...(person.oncallOptOut ? { oncallOptOut: person.oncallOptOut } : {}),
    at: { file: 'roles/people.yaml', line: 1 },
  }));

  const roles: Role[] = roleInputs.map((role) => ({
    id: role.id,
    title: role.title,
    jd: `jd/${role.id}.md`,
    at: { file: `roles/${role.id}.yaml`, line: 1 },
    capabilities: [],
    members: holders(role.id),
    grants: [],
  }));

  return {
    asOf: input.asOf,
    org: { name: 'Fixture Labs' },
    people,
    roles,
    capabilities: [],
    aws: awsState(input, roleInputs, active, holders),
    github: githubState(input, roleInputs, active, holders),
    oncall: oncallState(input, roleInputs, active),
  };
}

function awsState(
  input: FixtureInput,
  roleInputs: readonly FixtureRole[],
  active: readonly FixturePerson[],
  holders: (roleId: string) => string[],
): AwsState {
  const accounts = [...input.accounts].sort((a, b) => compare(a.name, b.name));
  const accountId = (name: string): string => accounts.find((account) => account.name === name)?.id ?? '';
  const roles: AwsRole[] = roleInputs.map((role) => ({
    roleId: role.id,
    title: role.title,
    groupName: role.id,
    members: holders(role.id),
    accounts: [...(role.aws ?? [])]
      .sort((a, b) => compare(a.account, b.account))
      .map((access) => {
        const icInline = input.awsMode === 'identity-center';
        // Identity Center takes one inline policy: the model compiles managed documents into it.
        const inline = icInline ? mergedInline(role.id, [...(access.inline ?? []), ...(access.managed ?? [])]) : [...(access.inline ?? [])];
        return {
          account: access.account,
          accountId: accountId(access.account),
          capabilities: [],
          statements: [],
          managedPolicyArns: [...(access.attachedArns ?? [])].sort(compare),
          policies: {
            inline,
            managed: icInline ? [] : [...(access.managed ?? [])],
            attachedArns: [...(access.attachedArns ?? [])].sort(compare),
          },
          permissionSetName: `${role.id}-${access.account}`.slice(0, 32),
          warnings: [],
        };
      }),
  }));
  const awsRoleIds = new Set(roles.filter((role) => role.accounts.length > 0).map((role) => role.roleId));
  const users: AwsUser[] = active
    .filter((person) => person.roles.some((roleId) => awsRoleIds.has(roleId)))
    .map((person) => {
      const words = person.name.split(' ');
      return {
        personId: person.id,
        userName: person.email.toLowerCase(),
        displayName: person.name,
        givenName: words.slice(0, -1).join(' ') || person.name,
        familyName: words[words.length - 1] ?? person.name,
        email: person.email,
        roles: [...person.roles].filter((roleId) => awsRoleIds.has(roleId)).sort(compare),
      };
    });
  const mfa = input.requireMfa && input.awsMode === 'iam-groups';
  return {
    mode: input.awsMode,
    region: 'eu-west-1',
    path: '/rolecall/',
    requireMfa: input.requireMfa,
    ...(mfa ? { mfaPolicy: policy('rolecall-require-mfa', ['iam:ListMFADevices'], 'arn:aws:iam::*:user/rolecall/${aws:username}') } : {}),
    accounts,
    identityCenter: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-6804a3c1e7b29f15',
      identityStoreId: 'd-9367a0c41e',
      sessionDuration: 'PT10H',
      account: accountNamed(accounts, input.identityCenterAccount),
    },
    roles,
    users,
  };
}

function accountNamed(accounts: readonly AwsAccount[], name: string): AwsAccount {
  const account = accounts.find((candidate) => candidate.name === name);
  if (!account) throw new Error(`fixture: no account ${name}`);
  return account;
}

function mergedInline(roleId: string, documents: readonly PolicyDocument[]): PolicyDocument[] {
  if (documents.length === 0) return [];
  const statements = documents.flatMap((document) => (JSON.parse(document.document) as { Statement: unknown[] }).Statement);
  return [{ name: roleId, document: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }];
}

function githubState(
  input: FixtureInput,
  roleInputs: readonly FixtureRole[],
  active: readonly FixturePerson[],
  holders: (roleId: string) => string[],
): GithubState {
  const owners = new Set(input.owners);
  const personById = new Map(active.map((person) => [person.id, person]));
  const teamOf = (memberIds: readonly string[], maintainers: ReadonlySet<string>): GithubTeam['members'] => {
    const members = [...memberIds].sort(compare).map((id): GithubTeam['members'][number] => ({
      personId: id,
      login: personById.get(id)?.github ?? id,
      role: maintainers.has(id) || owners.has(id) ? 'maintainer' : 'member',
    }));
    if (members.length > 0 && !members.some((member) => member.role === 'maintainer')) {
      const senior = [...members].sort(
        (a, b) =>
          compare(personById.get(a.personId)?.start ?? '', personById.get(b.personId)?.start ?? '') || compare(a.personId, b.personId),
      )[0];
      if (senior) members.splice(members.indexOf(senior), 1, { ...senior, role: 'maintainer', fallback: true });
    }
    return members;
  };
  const roleTeams: GithubTeam[] = roleInputs.map((role) => {
    const repositories = new Map<string, { name: string; permission: RepoPermission }>();
    const order: RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];
    for (const repository of role.repositories ?? []) {
      const key = repository.name.toLowerCase();
      const seen = repositories.get(key);
      if (!seen || order.indexOf(repository.permission) > order.indexOf(seen.permission)) repositories.set(key, { ...repository });
    }
    const name = role.teamName ?? role.id;
    return {
      id: role.id,
      slug: githubTeamSlug(name),
      name,
      description: `${role.title}: managed by rolecall from jd/${role.id}.md`,
      roleId: role.id,
      members: teamOf(holders(role.id), new Set(role.maintainers ?? [])),
      repositories: [...repositories.entries()]
        .sort(([a], [b]) => compare(a, b))
        .map(([, repository]) => ({ name: repository.name, permission: repository.permission, capabilities: [] })),
    };
  });
  const extraSlugs = [...new Set(roleInputs.flatMap((role) => role.teams ?? []))].sort(compare);
  const extraTeams: GithubTeam[] = extraSlugs.map((slug) => {
    const memberIds = [...new Set(roleInputs.filter((role) => (role.teams ?? []).includes(slug)).flatMap((role) => holders(role.id)))];
    return {
      id: slug,
      slug,
      name: slug,
      description: `${slug}: managed by rolecall`,
      members: teamOf(memberIds, new Set()),
      repositories: [],
    };
  });
  const existingSlugs = [...new Set(roleInputs.flatMap((role) => role.existingTeams ?? []))].sort(compare);
  const existingTeams: GithubTeam[] = existingSlugs.map((slug) => {
    const memberIds = [
      ...new Set(roleInputs.filter((role) => (role.existingTeams ?? []).includes(slug)).flatMap((role) => holders(role.id))),
    ].sort(compare);
    const members = memberIds.map((id): GithubTeam['members'][number] => ({
      personId: id,
      login: personById.get(id)?.github ?? id,
      role: owners.has(id) ? 'maintainer' : 'member',
    }));
    return { id: slug, slug, name: slug, description: '', existing: true, members, repositories: [] };
  });
  return {
    org: 'fixture-labs',
    ...(input.parentTeam ? { parentTeam: input.parentTeam } : {}),
    privacy: 'closed',
    members: active.map((person) => ({ personId: person.id, login: person.github, role: owners.has(person.id) ? 'admin' : 'member' })),
    teams: [...roleTeams, ...extraTeams, ...existingTeams].sort((a, b) => compare(a.id, b.id)),
  };
}

function oncallState(input: FixtureInput, roleInputs: readonly FixtureRole[], active: readonly FixturePerson[]): OncallState {
  const rotations: Rotation[] = byId(input.rotations).map((rotation) => ({
    id: rotation.id,
    name: rotation.name,
    handoff: rotation.handoff ?? { day: 'monday', time: '09:00' },
    onCallAtOnce: rotation.onCallAtOnce ?? 1,
    rampDays: 0,
    members: active
      .filter(
        (person) =>
          person.oncallOptOut === undefined &&
          person.roles.some((roleId) => roleInputs.find((role) => role.id === roleId)?.rotations?.includes(rotation.id)),
      )
      .sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id))
      .map((person) => person.id),
  }));
  const inRotation = new Set(rotations.flatMap((rotation) => rotation.members));
  const accounts = [...input.accounts];
  const common = {
    timeZone: 'Europe/Berlin',
    rotations,
    contacts: active
      .filter((person) => inRotation.has(person.id))
      .map((person) => ({ personId: person.id, name: person.name, email: person.email })),
  };
  if (input.oncallBackend === 'pagerduty') return { backend: 'pagerduty', ...common };
  return {
    backend: 'aws-incident-manager',
    account: accountNamed(accounts, input.oncallAccount),
    ...(input.replicationSet ? { replicationSet: input.replicationSet } : {}),
    ...common,
  };
}

/** The fixture with every list of people, roles, accounts and rotations reversed. */
export function reversedFixture(input: FixtureInput = DEFAULT_FIXTURE): FixtureInput {
  return {
    ...input,
    accounts: [...input.accounts].reverse(),
    people: [...input.people].reverse().map((person) => ({ ...person, roles: [...person.roles].reverse() })),
    roles: [...input.roles].reverse().map((role) => ({
      ...role,
      ...(role.aws ? { aws: [...role.aws].reverse() } : {}),
      ...(role.repositories ? { repositories: [...role.repositories].reverse() } : {}),
      ...(role.rotations ? { rotations: [...role.rotations].reverse() } : {}),
    })),
    rotations: [...input.rotations].reverse(),
    owners: [...input.owners].reverse(),
  };
}

/** A deterministic pseudo-random generator (mulberry32), so a "random" pick is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
