import { planShards, type ShardPlan } from '../../src/model/layout/shards';
import type { AccessModel } from '../../src/model/types';
import type { StacksConfig } from '../../src/schema/org';
import { DEFAULT_FIXTURE, fixtureModel, type FixtureInput, type FixturePerson } from '../helpers/fixture-model';
import { parseTerraform, synthApp, type SynthesizedApp, type TerraformJson } from '../helpers/synth-app';

/**
 * A sharded synthesis of the fixture grown to 48 people, in both AWS modes: every stack within
 * maxResources, and the model's predicted count of every stack equal to what is synthesized. Counts are
 * Terraform resources plus data sources (each is in the state and read on every plan).
 */

const ROLES = DEFAULT_FIXTURE.roles.map((role) => role.id);
const extra: FixturePerson[] = Array.from({ length: 40 }, (_, index) => ({
  id: `person-${String(index).padStart(2, '0')}`,
  name: `Person ${index}`,
  email: `person.${index}@example.com`,
  github: `person-${index}-gh`,
  roles: [...new Set([ROLES[index % ROLES.length] ?? 'cloud-engineer', ROLES[(index * 7) % ROLES.length] ?? 'cloud-engineer'])],
  start: '2024-01-08',
  // On-call is not sharded, and Incident Manager rotations take at most 30 contacts.
  oncallOptOut: 'not on call in this fixture',
}));
const roles = DEFAULT_FIXTURE.roles.map((role) =>
  role.id === 'site-reliability-engineer' ? { ...role, existingTeams: ['incident-responders'] } : role,
);
const input: Partial<FixtureInput> = { people: [...DEFAULT_FIXTURE.people, ...extra], roles };
const STATE = {
  backend: 's3',
  bucket: 'rolecall-state',
  keyPrefix: 'rolecall/',
  region: 'eu-west-1',
  encrypt: true,
  useLockfile: true,
} as const;

/** Resources and data sources of a synthesized stack. */
function objectCount(json: TerraformJson): number {
  const count = (blocks: TerraformJson['resource']): number =>
    Object.values(blocks ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  return count(json.resource) + count(json.data);
}

/** Every `<type>.<name>` of a stack's resources. */
function addresses(json: TerraformJson): string[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}

interface Case {
  readonly label: string;
  readonly model: AccessModel;
  readonly config: StacksConfig;
}

const cases: readonly Case[] = [
  { label: 'iam-groups', model: fixtureModel({ ...input, awsMode: 'iam-groups' }), config: { maxResources: 24 } },
  {
    label: 'identity-center',
    model: fixtureModel({ ...input, awsMode: 'identity-center', oncallBackend: 'pagerduty' }),
    config: { maxResources: 30 },
  },
  { label: 'iam-groups, pinned', model: fixtureModel({ ...input, awsMode: 'iam-groups' }), config: { maxResources: 1_000, shards: 5 } },
];

describe.each(cases)('a sharded synthesis ($label)', ({ model, config }) => {
  const plan: ShardPlan = planShards(model, config);
  const app: SynthesizedApp = synthApp(model, { state: STATE, stacks: config });
  const unsharded: SynthesizedApp = synthApp(model, { state: STATE });
  const json = (stack: string): TerraformJson => {
    const text = app.files.get(stack);
    if (text === undefined) throw new Error(`no stack ${stack} in ${[...app.files.keys()].join(', ')}`);
    return parseTerraform(text);
  };
  const shardNames = plan.families.flatMap((family) => family.shards.map((shard) => shard.stack));

  test('synthesizes the base stacks, every planned shard, empty or not, and the on-call stack', () => {
    const expected = [...plan.families.flatMap((family) => [family.base.stack, ...family.shards.map((shard) => shard.stack)]), 'oncall'];
    expect([...app.files.keys()].sort()).toEqual(expected.sort());
    expect(plan.families.every((family) => family.shards.length > 1)).toBe(true);
    if (config.shards) for (const family of plan.families) expect(family.shards).toHaveLength(config.shards);
  });

  test('keeps every base and shard stack within maxResources', () => {
    for (const family of plan.families) {
      for (const stack of [family.base.stack, ...family.shards.map((shard) => shard.stack)]) {
        expect({ stack, within: objectCount(json(stack)) <= config.maxResources }).toEqual({ stack, within: true });
      }
    }
  });

  test('holds, in each stack, exactly the resources the model predicts', () => {
    const predicted = Object.fromEntries(
      plan.families.flatMap((family) => [
        [family.base.stack, family.base.resources],
        ...family.shards.map((shard) => [shard.stack, shard.resources]),
      ]),
    );
    const actual = Object.fromEntries(Object.keys(predicted).map((stack) => [stack, objectCount(json(stack))]));
    expect(actual).toEqual(predicted);
  });

  test('places each person in one shard per family, and holds all of the unsharded AWS resources at the same addresses', () => {
    for (const family of plan.families) {
      const people = family.shards.flatMap((shard) => shard.people);
      expect(new Set(people).size).toBe(people.length);
    }
    const awsStacks = (files: ReadonlyMap<string, string>): string[] =>
      [...files.entries()].filter(([stack]) => stack.startsWith('aws-')).flatMap(([, text]) => addresses(parseTerraform(text)));
    expect(awsStacks(app.files).sort()).toEqual(awsStacks(unsharded.files).sort());
  });

  test('gives GitHub the same memberships, one github_team_membership per team member instead of github_team_members', () => {
    const of = (files: ReadonlyMap<string, string>, type: string): string[] =>
      [...files.entries()]
        .filter(([stack]) => stack.startsWith('github'))
        .flatMap(([, text]) => Object.keys(parseTerraform(text).resource?.[type] ?? {}));
    expect(of(app.files, 'github_membership').sort()).toEqual(of(unsharded.files, 'github_membership').sort());
    expect(of(app.files, 'github_team').sort()).toEqual(of(unsharded.files, 'github_team').sort());
    expect(of(app.files, 'github_team_repository').sort()).toEqual(of(unsharded.files, 'github_team_repository').sort());
    expect(of(app.files, 'github_team_members')).toEqual([]);
    const expected = model.github.teams.flatMap((team) => team.members.map((member) => `${team.id}__${member.login.toLowerCase()}`));
    expect(of(app.files, 'github_team_membership').sort()).toEqual(expected.sort());
    const membership = shardNames.map((stack) => json(stack).resource?.github_team_membership?.['cloud-engineer__mateo-alv']).find(Boolean);
    expect(membership).toMatchObject({ team_id: 'cloud-engineer', username: 'mateo-alv', role: 'maintainer' });
  });

  test("names the groups a shard's people join as literals or looks them up: no reference crosses stacks", () => {
    for (const stack of shardNames) {
      const text = app.files.get(stack) ?? '';
      expect(text).not.toMatch(/\$\{aws_iam_group\.|\$\{aws_identitystore_group\.|\$\{github_team\./);
    }
  });

  test("keeps one state per stack, keyed by the stack's name", () => {
    for (const stack of app.files.keys()) expect(json(stack).terraform?.backend?.s3?.key).toBe(`rolecall/${stack}.tfstate`);
  });

  test('makes each shard depend on its base stack, and nothing else', () => {
    for (const family of plan.families) {
      for (const shard of app.stacks.people.filter((stack) => family.shards.some((entry) => entry.stack === stack.node.id))) {
        expect(shard.dependencies.map((dependency) => dependency.node.id)).toEqual([family.base.stack]);
      }
    }
    for (const base of [...app.stacks.aws, app.stacks.github, app.stacks.oncall]) expect(base.dependencies).toEqual([]);
  });
});

describe('sharded stack contents', () => {
  const model = fixtureModel({ ...input, awsMode: 'iam-groups' });
  const app = synthApp(model, { state: STATE, stacks: { maxResources: 24 } });
  const ic = synthApp(fixtureModel({ ...input, awsMode: 'identity-center' }), { state: STATE, stacks: { maxResources: 30 } });

  test('leaves the IAM groups, policies and attachments in the base stack, and no user', () => {
    const base = parseTerraform(app.files.get('aws-prod') ?? '');
    expect(Object.keys(base.resource ?? {}).sort()).toEqual([
      'aws_iam_group',
      'aws_iam_group_policy',
      'aws_iam_group_policy_attachment',
      'aws_iam_policy',
    ]);
  });

  test("puts a person's IAM user and membership in their shard, naming the groups as written", () => {
    const stack = [...app.files.entries()].find(
      ([name, text]) => name.startsWith('aws-prod-people-') && text.includes('"jonas-lindqvist"'),
    );
    const json = parseTerraform(stack?.[1] ?? '{}');
    expect(json.resource?.aws_iam_user_group_membership?.['jonas-lindqvist']).toMatchObject({
      user: '${aws_iam_user.jonas-lindqvist.name}',
      groups: ['site-reliability-engineer'],
    });
    expect(json.provider?.aws?.[0]).toMatchObject({ allowed_account_ids: ['418273645190'] });
  });

  test('looks each Identity Center group a shard needs up once, by display name', () => {
    const [name, text] = [...ic.files.entries()].find(
      ([stack, body]) => stack.startsWith('aws-identity-center-people-') && body.includes('"li-wei"'),
    ) ?? ['', '{}'];
    const json = parseTerraform(text);
    expect(json.data?.aws_identitystore_group?.['site-reliability-engineer']).toEqual(
      expect.objectContaining({
        identity_store_id: 'd-9367a0c41e',
        alternate_identifier: { unique_attribute: { attribute_path: 'DisplayName', attribute_value: 'site-reliability-engineer' } },
      }),
    );
    expect(json.resource?.aws_identitystore_group_membership?.['site-reliability-engineer__li-wei']).toMatchObject({
      group_id: '${data.aws_identitystore_group.site-reliability-engineer.group_id}',
      member_id: '${aws_identitystore_user.li-wei.user_id}',
    });
    expect(name).toMatch(/^aws-identity-center-people-\d{2}$/);
    expect(Object.keys(parseTerraform(ic.files.get('aws-identity-center') ?? '').resource ?? {})).not.toContain('aws_identitystore_user');
  });

  test('synthesizes the same bytes whatever the order of the input', () => {
    const reversed = fixtureModel({
      ...input,
      people: [...(input.people ?? [])].reverse(),
      roles: [...roles].reverse(),
      awsMode: 'iam-groups',
    });
    expect(synthApp(reversed, { state: STATE, stacks: { maxResources: 24 } }).files).toEqual(app.files);
  });
});
