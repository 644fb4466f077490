import fc from 'fast-check';
import type {
  AccessModel,
  Grant,
  GrantTarget,
  GithubTeam,
  Justification,
  PersonAccess,
  Role,
  Rotation,
  Statement,
} from '../../src/model/types';
import type { RepoPermission, RiskLevel } from '../../src/schema';

/**
 * Small access models for property tests, generated from a spec and built the way the model builder
 * does (sorted by id, access only while active, rotation members by start then id), from small pools of
 * ids and texts so that two generated models overlap a lot: same people, roles and actions spelt
 * differently, renamed roles, split capabilities.
 */

export interface CapabilitySpec {
  readonly id: string;
  readonly risk: RiskLevel;
  readonly accepted?: { readonly roles: readonly string[]; readonly expires?: string };
  readonly aws: readonly {
    readonly account: string;
    readonly effect: 'Allow' | 'Deny';
    readonly actions: readonly string[];
    readonly resources: readonly string[];
    readonly mfa: boolean;
  }[];
  readonly managed: readonly { readonly account: string; readonly arn: string }[];
  readonly repositories: readonly { readonly name: string; readonly permission: RepoPermission }[];
  readonly teams: readonly string[];
  readonly rotations: readonly string[];
}

export interface RoleSpec {
  readonly id: string;
  readonly jd: string;
  readonly team?: string;
  readonly capabilities: readonly {
    readonly id: string;
    readonly reasons: readonly (
      { readonly kind: 'duty'; readonly quote: string } | { readonly kind: 'baseline'; readonly reason: string }
    )[];
  }[];
}

export interface PersonSpec {
  readonly id: string;
  readonly name: string;
  readonly login: string;
  readonly roles: readonly string[];
  readonly start: string;
  readonly end?: string;
  readonly owner: boolean;
  readonly optOut: boolean;
}

export interface ModelSpec {
  readonly capabilities: readonly CapabilitySpec[];
  readonly roles: readonly RoleSpec[];
  readonly people: readonly PersonSpec[];
}

export const AS_OF = '2026-06-01';
const ACCOUNTS = [
  { name: 'prod', id: '111111111111' },
  { name: 'staging', id: '222222222222' },
];
const CAPABILITY_IDS = ['c0', 'c1', 'c2', 'c3'];
const ROLE_IDS = ['r0', 'r1', 'r2', 'r3'];
const PERSON_IDS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const ACTIONS = ['s3:GetObject', 's3:PutObject', 'S3:getobject', 's3:*', 'eks:DescribeCluster', 'ec2:Describe*', '*'];
const RESOURCES = ['*', 'arn:aws:s3:::bucket/*', 'arn:aws:eks:eu-west-1:111111111111:cluster/x'];
const QUOTES = ['run the clusters', 'Run  the clusters', 'ship the code', 'carry the pager'];
const REASONS = ['everyone reads code', 'Everyone reads  code', 'needed for reviews'];
const DATES = ['2025-01-01', '2026-06-01', '2026-07-01', '2026-05-31'];

const subset = <T>(pool: readonly T[], max = pool.length): fc.Arbitrary<T[]> => fc.subarray([...pool], { maxLength: max });
const level = fc.constantFrom<RiskLevel>('low', 'medium', 'high');

const capabilitySpec = (id: string): fc.Arbitrary<CapabilitySpec> =>
  fc.record({
    id: fc.constant(id),
    risk: level,
    accepted: fc.option(
      fc.record({ roles: subset(ROLE_IDS, 3), expires: fc.option(fc.constantFrom('2026-12-31', '2027-06-30'), { nil: undefined }) }),
      { nil: undefined },
    ),
    aws: fc.array(
      fc.record({
        account: fc.constantFrom('prod', 'staging'),
        effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Deny'),
        actions: subset(ACTIONS, 3).filter((actions) => actions.length > 0),
        resources: subset(RESOURCES, 2).filter((resources) => resources.length > 0),
        mfa: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    managed: fc.array(
      fc.record({
        account: fc.constantFrom('prod', 'staging'),
        arn: fc.constantFrom('arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/readonlyaccess'),
      }),
      { maxLength: 1 },
    ),
    repositories: fc.array(
      fc.record({
        name: fc.constantFrom('api', 'web', 'API'),
        permission: fc.constantFrom<RepoPermission>('pull', 'triage', 'push', 'maintain', 'admin'),
      }),
      { maxLength: 2 },
    ),
    teams: subset(['t1', 't2'], 1),
    rotations: subset(['o1', 'o2'], 1),
  });

const roleSpec = (id: string): fc.Arbitrary<RoleSpec> =>
  fc.record({
    id: fc.constant(id),
    jd: fc.constantFrom('jd/a.md', 'jd/b.md'),
    team: fc.option(fc.constantFrom('Platform', 'team-x'), { nil: undefined }),
    capabilities: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...CAPABILITY_IDS),
        reasons: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('duty' as const), quote: fc.constantFrom(...QUOTES) }),
            fc.record({ kind: fc.constant('baseline' as const), reason: fc.constantFrom(...REASONS) }),
          ),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { selector: (capability) => capability.id, maxLength: 3 },
    ),
  });

const personSpec = (id: string): fc.Arbitrary<PersonSpec> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom(`Person ${id}`, `P. ${id}`),
    login: fc.constantFrom(`${id}-gh`, `${id}-other`),
    roles: subset(ROLE_IDS, 2),
    start: fc.constantFrom(...DATES),
    end: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    owner: fc.boolean(),
    optOut: fc.boolean(),
  });

/** A model spec: some of the pooled capabilities, roles and people. */
export const modelSpec: fc.Arbitrary<ModelSpec> = fc.record({
  capabilities: subset(CAPABILITY_IDS).chain((ids) => fc.tuple(...ids.map(capabilitySpec))),
  roles: subset(ROLE_IDS).chain((ids) => fc.tuple(...ids.map(roleSpec))),
  people: subset(PERSON_IDS).chain((ids) => fc.tuple(...ids.map(personSpec))),
});

/** The spec with every list in reverse order: the model must not change. */
export function reversedSpec(spec: ModelSpec): ModelSpec {
  return {
    capabilities: [...spec.capabilities].reverse().map((capability) => ({
      ...capability,
      aws: [...capability.aws]
        .reverse()
        .map((statement) => ({ ...statement, actions: [...statement.actions].reverse(), resources: [...statement.resources].reverse() })),
      repositories: [...capability.repositories].reverse(),
    })),
    roles: [...spec.roles].reverse().map((role) => ({ ...role, capabilities: [...role.capabilities].reverse() })),
    people: [...spec.people].reverse().map((person) => ({ ...person, roles: [...person.roles].reverse() })),
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const RANK: Readonly<Record<RepoPermission, number>> = { pull: 0, triage: 1, push: 2, maintain: 3, admin: 4 };

/** Builds the access model of a spec as of {@link AS_OF}. */
export function buildSpec(spec: ModelSpec): AccessModel {
  const capabilityById = new Map(spec.capabilities.map((capability) => [capability.id, capability]));
  const status = (person: PersonSpec): PersonAccess['status'] =>
    AS_OF < person.start ? 'not-started' : person.end !== undefined && AS_OF > person.end ? 'ended' : 'active';
  const people = [...spec.people].sort((a, b) => compare(a.id, b.id));
  const active = people.filter((person) => status(person) === 'active');
  const membersOf = (roleId: string): string[] => active.filter((person) => person.roles.includes(roleId)).map((person) => person.id);

  const roles: Role[] = [...spec.roles]
    .sort((a, b) => compare(a.id, b.id))
    .map((role) => {
      const capabilities = role.capabilities.filter((capability) => capabilityById.has(capability.id)).sort((a, b) => compare(a.id, b.id));
      const because = capabilities.map((capability) => ({
        id: capability.id,
        because: capability.reasons.map((reason, index) => justification(role.id, capability.id, reason, index)),
      }));
      const grants: Grant[] = because.flatMap(({ id, because: reasons }) => {
        const capability = capabilityById.get(id);
        return capability
          ? targets(capability).map(([key, target]) => ({
              id: `${id}/${key}`,
              capabilityId: id,
              target,
              risk: capability.risk,
              because: reasons,
            }))
          : [];
      });
      return {
        id: role.id,
        title: role.id,
        jd: role.jd,
        at: { file: `roles/${role.id}.yaml`, line: 1 },
        capabilities: because,
        members: membersOf(role.id),
        grants: grants.sort((a, b) => compare(a.id, b.id)),
      };
    });

  const owners = new Set(people.filter((person) => person.owner).map((person) => person.id));
  const teamMembers = (ids: readonly string[]): GithubTeam['members'] =>
    [...new Set(ids)].sort(compare).map((id) => ({
      personId: id,
      login: people.find((person) => person.id === id)?.login ?? id,
      role: owners.has(id) ? 'maintainer' : 'member',
    }));
  const roleTeams: GithubTeam[] = spec.roles.map((role) => ({
    id: role.id,
    slug: role.team ? `${role.team.toLowerCase()}-${role.id}` : role.id,
    name: role.team ?? role.id,
    description: '',
    roleId: role.id,
    members: teamMembers(membersOf(role.id)),
    repositories: [],
  }));
  const grantedTo = (kind: 'team' | 'rotation', id: string): string[] =>
    roles
      .filter((role) =>
        role.grants.some(
          (grant) =>
            (grant.target.backend === 'github' && grant.target.kind === 'team' && kind === 'team' && grant.target.team === id) ||
            (grant.target.backend === 'oncall' && kind === 'rotation' && grant.target.rotation === id),
        ),
      )
      .flatMap((role) => role.members);
  const capabilityTeams: GithubTeam[] = ['t1', 't2'].map((slug) => ({
    id: slug,
    slug,
    name: slug,
    description: '',
    members: teamMembers(grantedTo('team', slug)),
    repositories: [],
  }));
  const rotations: Rotation[] = ['o1', 'o2']
    .map((id) => ({
      id,
      name: id,
      handoff: { day: 'monday', time: '09:00' },
      rampDays: 0,
      onCallAtOnce: 1,
      members: [...new Set(grantedTo('rotation', id))]
        .map((member) => people.find((person) => person.id === member))
        .filter((person): person is PersonSpec => person !== undefined && !person.optOut)
        .sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id))
        .map((person) => person.id),
    }))
    .filter((rotation) => rotation.members.length > 0);

  return {
    asOf: AS_OF,
    org: { name: 'Spec' },
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      email: `${person.id}@spec.example`,
      github: person.login,
      roles: [...new Set(person.roles)].sort(compare),
      start: person.start,
      ...(person.end ? { end: person.end } : {}),
      status: status(person),
      ...(person.optOut ? { oncallOptOut: 'no' } : {}),
      at: { file: 'roles/people.yaml', line: 1 },
      ...(status(person) === 'active' && person.owner
        ? { githubOwner: { risk: 'high' as const, at: { file: 'roles/org.yaml', line: 1 } } }
        : {}),
    })),
    roles,
    capabilities: [...spec.capabilities]
      .sort((a, b) => compare(a.id, b.id))
      .map((capability) => ({
        id: capability.id,
        description: capability.id,
        risk: {
          level: capability.risk,
          declared: capability.risk,
          computed: capability.risk,
          ...(capability.accepted
            ? {
                accepted: {
                  by: ['p0'],
                  on: '2026-01-01',
                  roles: [...capability.accepted.roles].sort(compare),
                  ...(capability.accepted.expires ? { expires: capability.accepted.expires } : {}),
                  reason: 'ok',
                  at: { file: 'roles/capabilities.yaml', line: 1 },
                },
              }
            : {}),
          reasons: [],
          conditions: [],
        },
        at: { file: 'roles/capabilities.yaml', line: 1 },
      })),
    aws: { mode: 'iam-groups', region: 'eu-west-1', path: '/', requireMfa: true, accounts: ACCOUNTS, roles: [], users: [] },
    github: {
      org: 'spec',
      privacy: 'closed',
      members: active.map((person) => ({ personId: person.id, login: person.login, role: owners.has(person.id) ? 'admin' : 'member' })),
      teams: [...roleTeams, ...capabilityTeams].sort((a, b) => compare(a.id, b.id)),
    },
    oncall: { backend: 'pagerduty', timeZone: 'Europe/Berlin', rotations, contacts: [] },
  };
}

function justification(
  roleId: string,
  capabilityId: string,
  reason: RoleSpec['capabilities'][number]['reasons'][number],
  index: number,
): Justification {
  const at = { file: `roles/${roleId}.yaml`, line: index + 1 };
  return reason.kind === 'duty'
    ? {
        roleId,
        capabilityId,
        reason: { kind: 'duty', quote: reason.quote, at, jd: { file: 'roles/jd/a.md', line: 3, section: 'Duties', text: reason.quote } },
      }
    : { roleId, capabilityId, reason: { kind: 'baseline', reason: reason.reason, at } };
}

/** A capability's targets keyed as the model keys them. */
function targets(capability: CapabilitySpec): [string, GrantTarget][] {
  const result: [string, GrantTarget][] = [];
  for (const account of ['prod', 'staging']) {
    const statements: Statement[] = capability.aws
      .filter((statement) => statement.account === account)
      .map((statement) => ({
        effect: statement.effect,
        actions: [...new Set(statement.actions)].sort(compare),
        resources: [...new Set(statement.resources)].sort(compare),
        ...(statement.mfa ? { conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
      }));
    const managed = capability.managed.filter((policy) => policy.account === account).map((policy) => policy.arn);
    if (statements.length || managed.length)
      result.push([
        `aws:${account}`,
        { backend: 'aws', kind: 'policy', account, statements, managedPolicyArns: managed, levels: [], leftOut: [] },
      ]);
  }
  const repositories = new Map<string, { name: string; permission: RepoPermission }>();
  for (const repository of capability.repositories) {
    // Written twice in one capability (validate refuses it): the highest permission and one spelling, whatever the order.
    const seen = repositories.get(repository.name.toLowerCase());
    const name = seen && compare(seen.name, repository.name) < 0 ? seen.name : repository.name;
    const permission = seen && RANK[seen.permission] > RANK[repository.permission] ? seen.permission : repository.permission;
    repositories.set(repository.name.toLowerCase(), { name, permission });
  }
  for (const [key, repository] of repositories)
    result.push([
      `github:repo:${key}`,
      { backend: 'github', kind: 'repository', repository: repository.name, permission: repository.permission },
    ]);
  for (const team of capability.teams) result.push([`github:team:${team}`, { backend: 'github', kind: 'team', team }]);
  for (const rotation of capability.rotations) result.push([`oncall:${rotation}`, { backend: 'oncall', kind: 'rotation', rotation }]);
  return result;
}
