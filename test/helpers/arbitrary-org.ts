import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';

/**
 * Small, valid roles directories for property tests, as files: a few people, roles, capabilities and
 * rotations drawn from small pools so that they meet often. They are made to reach what depends on more
 * than one person: GitHub teams with no active maintainer (the longest-serving member is made one),
 * capability and existing teams several roles grant, maintainers and owners who have left or not
 * started, start dates shared by several people, people who start after the date or ended before it,
 * on-call opt-outs, rotations with a ramp-up and a shadow rotation, and risk acceptances naming the
 * roles that grant a capability. Everything is written as JSON, which is YAML.
 */

export interface OrgSpec {
  readonly asOf: string;
  readonly rotations: readonly { readonly id: string; readonly rampDays: number; readonly shadow?: string }[];
  readonly capabilities: readonly CapabilitySpec[];
  readonly roles: readonly RoleSpec[];
  readonly people: readonly PersonSpec[];
}

export interface CapabilitySpec {
  readonly id: string;
  readonly teams: readonly string[];
  readonly existingTeams: readonly string[];
  readonly repositories: readonly string[];
  readonly rotations: readonly string[];
  readonly aws: boolean;
  /** Whether its risk is accepted, for every role that grants it. */
  readonly accepted: boolean;
}

export interface RoleSpec {
  readonly id: string;
  /** Capabilities granted by duties (one duty each). */
  readonly duties: readonly string[];
  readonly baseline: readonly string[];
  /** People asked to maintain the team; only those who hold the role are written. */
  readonly maintainers: readonly string[];
}

export interface PersonSpec {
  readonly id: string;
  readonly roles: readonly string[];
  readonly start: string;
  readonly end?: string;
  readonly optOut: boolean;
  readonly owner: boolean;
}

const AS_OF = ['2026-06-01', '2026-06-10', '2026-07-01'];
const STARTS = [
  '2019-05-01',
  '2024-02-12',
  '2024-02-12',
  '2026-05-04',
  '2026-05-31',
  '2026-06-01',
  '2026-06-02',
  '2026-06-20',
  '2026-09-01',
];
const ENDS = ['2025-01-31', '2026-05-31', '2026-06-01', '2026-06-15', '2027-01-31'];
const PERSON_IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const ROLE_IDS = ['r0', 'r1', 'r2', 'r3'];
const CAPABILITY_IDS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const ROTATION_IDS = ['rot-a', 'rot-b', 'rot-c'];
const TEAMS = ['team-a', 'team-b'];
const EXISTING_TEAMS = ['ext-x'];
const REPOSITORIES = ['api', 'web', 'infra'];

const subset = <T>(values: readonly T[], options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<T[]> =>
  fc.subarray([...values], options);

const capabilityArbitrary = (id: string): fc.Arbitrary<CapabilitySpec> =>
  fc.record({
    id: fc.constant(id),
    teams: subset(TEAMS, { maxLength: 1 }),
    existingTeams: subset(EXISTING_TEAMS),
    repositories: subset(REPOSITORIES, { maxLength: 2 }),
    rotations: subset(ROTATION_IDS, { maxLength: 1 }),
    aws: fc.boolean(),
    // Rarely: an acceptance ties together every role that grants the capability, and hides the rest.
    accepted: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
  });

/** Organisations of 2–7 people, 1–4 roles, 5 capabilities and 3 rotations, as of one of a few dates. */
export const orgSpecArbitrary: fc.Arbitrary<OrgSpec> = fc.record({
  asOf: fc.constantFrom(...AS_OF),
  rotations: fc.tuple(
    ...ROTATION_IDS.map((id) =>
      fc.record(
        {
          id: fc.constant(id),
          rampDays: fc.constantFrom(0, 7, 28),
          shadow: fc.option(fc.constantFrom(...ROTATION_IDS.filter((other) => other !== id)), { nil: undefined }),
        },
        { requiredKeys: ['id', 'rampDays'] },
      ),
    ),
  ),
  capabilities: fc.tuple(...CAPABILITY_IDS.map(capabilityArbitrary)),
  roles: fc.integer({ min: 1, max: ROLE_IDS.length }).chain((count) =>
    fc.tuple(
      ...ROLE_IDS.slice(0, count).map((id) =>
        fc.record({
          id: fc.constant(id),
          duties: subset(CAPABILITY_IDS, { minLength: 1, maxLength: 3 }),
          baseline: subset(CAPABILITY_IDS, { maxLength: 1 }),
          maintainers: subset(PERSON_IDS, { maxLength: 1 }),
        }),
      ),
    ),
  ),
  people: fc.integer({ min: 2, max: PERSON_IDS.length }).chain((count) =>
    fc.tuple(
      ...PERSON_IDS.slice(0, count).map((id, index) =>
        fc.record(
          {
            id: fc.constant(id),
            roles: subset(ROLE_IDS, { minLength: 1, maxLength: 2 }),
            // p0 is always an active owner: an organisation needs one (github.minOwners).
            start: index === 0 ? fc.constant(STARTS[0] as string) : fc.constantFrom(...STARTS),
            end: index === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...ENDS), { nil: undefined, freq: 3 }),
            optOut: index === 0 ? fc.boolean() : fc.boolean().map((value) => value && index % 3 === 0),
            owner: index === 0 ? fc.constant(true) : fc.boolean().map((value) => value && index % 2 === 0),
          },
          { requiredKeys: ['id', 'roles', 'start', 'optOut', 'owner'] },
        ),
      ),
    ),
  ),
});

/** The files of a spec, by path relative to the roles directory: always a valid organisation. */
export function orgFiles(spec: OrgSpec): Map<string, string> {
  const roleIds = new Set(spec.roles.map((role) => role.id));
  const people = spec.people.map((person) => {
    const roles = person.roles.filter((id) => roleIds.has(id));
    const end = person.end !== undefined && person.end >= person.start ? person.end : undefined;
    return { ...person, roles: roles.length ? roles : [spec.roles[0]?.id ?? 'r0'], end };
  });
  const grantedBy = (capability: string): string[] =>
    spec.roles
      .filter((role) => role.duties.includes(capability) || (role.baseline.includes(capability) && !role.duties.includes(capability)))
      .map((role) => role.id);
  const files = new Map<string, string>();
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  files.set(
    'org.yaml',
    json({
      name: 'Property Org',
      aws: { mode: 'iam-groups', region: 'eu-west-1', accounts: { prod: { id: '111111111111' } }, defaultAccount: 'prod' },
      github: { org: 'property-org', owners: people.filter((person) => person.owner).map((person) => person.id), minOwners: 1 },
      oncall: { backend: 'aws-incident-manager', account: 'prod', timeZone: 'Europe/Berlin', replicationSet: { regions: ['eu-west-1'] } },
    }),
  );
  files.set(
    'capabilities.yaml',
    json({
      rotations: spec.rotations.map((rotation) => ({
        id: rotation.id,
        name: `Rotation ${rotation.id}`,
        rampDays: rotation.rampDays,
        ...(rotation.shadow ? { shadow: rotation.shadow } : {}),
      })),
      capabilities: spec.capabilities.map((capability) => {
        const roles = grantedBy(capability.id);
        return {
          id: capability.id,
          description: `Capability ${capability.id}`,
          risk:
            capability.accepted && roles.length
              ? { level: 'medium', accepted: { by: ['p0'], on: '2026-01-05', roles, reason: 'weighed by the owners for these roles' } }
              : 'medium',
          ...(capability.aws ? { aws: [{ statements: [{ actions: ['eks:DescribeCluster'], resources: ['*'] }] }] } : {}),
          ...(capability.teams.length || capability.existingTeams.length || capability.repositories.length
            ? {
                github: {
                  teams: capability.teams,
                  existingTeams: capability.existingTeams,
                  repositories: capability.repositories.map((name) => ({ name, permission: 'push' })),
                },
              }
            : {}),
          ...(capability.rotations.length ? { oncall: { rotations: capability.rotations } } : {}),
        };
      }),
    }),
  );
  for (const role of spec.roles) {
    const baseline = role.baseline.filter((capability) => !role.duties.includes(capability));
    const holders = new Set(people.filter((person) => person.roles.includes(role.id)).map((person) => person.id));
    files.set(
      `${role.id}.yaml`,
      json({
        id: role.id,
        title: `Role ${role.id}`,
        jd: `jd/${role.id}.md`,
        duties: role.duties.map((capability) => ({ quote: `Take care of ${capability} for ${role.id}`, capabilities: [capability] })),
        baseline: baseline.map((capability) => ({ capability, reason: `every ${role.id} needs ${capability}` })),
        maintainers: role.maintainers.filter((id) => holders.has(id)),
      }),
    );
    files.set(
      `jd/${role.id}.md`,
      `# Role ${role.id}\n\n## Responsibilities\n\n${role.duties.map((capability) => `- Take care of ${capability} for ${role.id}\n`).join('')}`,
    );
  }
  files.set(
    'people.yaml',
    json({
      people: people.map((person) => ({
        id: person.id,
        name: `Person ${person.id.toUpperCase()}`,
        email: `${person.id}@property.example`,
        github: `gh-${person.id}`,
        roles: person.roles,
        start: person.start,
        ...(person.end !== undefined ? { end: person.end } : {}),
        ...(person.optOut ? { oncallOptOut: { reason: 'agreed with their manager' } } : {}),
      })),
    }),
  );
  return files;
}

/** Writes `files` into a new temporary roles directory, runs `body` on it, and removes it (once a returned promise settles). */
export function withOrgDir<T>(files: ReadonlyMap<string, string>, body: (dir: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'rolecall-org-'));
  const dir = join(root, 'roles');
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  let result: T;
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    result = body(dir);
  } catch (error) {
    remove();
    throw error;
  }
  if (result instanceof Promise) return result.finally(remove) as T;
  remove();
  return result;
}
