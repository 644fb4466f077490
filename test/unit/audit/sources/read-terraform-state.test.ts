import { readTerraformState } from '../../../../src/audit/sources';
import { brief, json, lineOf, reversed, withoutFrom } from './source-helpers';

const ACCOUNT = '111111111111';
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

/** One resource of a raw state (format version 4), with one instance per attribute set given. */
function resource(type: string, name: string, ...instances: Record<string, unknown>[]) {
  return {
    mode: 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: instances.map((attributes, index) => ({
      ...(instances.length > 1 ? { index_key: index } : {}),
      schema_version: 0,
      attributes,
    })),
  };
}

const RESOURCES = [
  resource('aws_iam_user', 'ada', {
    name: 'ada@example.com',
    path: '/rolecall/',
    arn: `arn:aws:iam::${ACCOUNT}:user/rolecall/ada@example.com`,
    force_destroy: true,
  }),
  resource('aws_iam_group', 'engineer', {
    name: 'rolecall-engineer',
    path: '/rolecall/',
    arn: `arn:aws:iam::${ACCOUNT}:group/rolecall/rolecall-engineer`,
  }),
  resource('aws_iam_user_group_membership', 'ada', { user: 'ada@example.com', groups: ['rolecall-engineer'] }),
  resource('aws_iam_group_membership', 'ops', { group: 'rolecall-ops', users: ['ada@example.com', 'bob@example.com'] }),
  resource('aws_iam_group_policy', 'engineer', {
    group: 'rolecall-engineer',
    name: 'engineer',
    policy: JSON.stringify(JSON.parse(POLICY), null, 2),
  }),
  resource('aws_iam_group_policy_attachment', 'engineer', {
    group: 'rolecall-engineer',
    policy_arn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`,
  }),
  resource('aws_iam_user_policy', 'ada', { user: 'ada@example.com', name: 'own' }),
  resource('aws_iam_user_policy_attachment', 'ada', { user: 'ada@example.com', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
  resource('aws_iam_policy', 'deploy', {
    name: 'deploy',
    arn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`,
    path: '/rolecall/',
    policy: POLICY,
  }),
  resource('github_membership', 'ada', { username: 'ada-gh', role: 'admin' }, { username: 'bob-gh', role: 'member' }),
  resource('github_team', 'platform', { id: '4001', name: 'Platform', slug: 'platform', parent_team_id: null }),
  resource('github_team', 'sre', { id: '4002', name: 'SRE', slug: 'sre', parent_team_id: '4001' }),
  resource('github_team_membership', 'ada', { team_id: '4001', username: 'ada-gh', role: 'maintainer' }),
  resource('github_team_members', 'sre', { team_id: 'sre', members: [{ username: 'bob-gh', role: 'member' }] }),
  resource('github_team_repository', 'platform', { team_id: '4001', repository: 'infra', permission: 'push' }),
  resource('aws_identitystore_user', 'ada', { identity_store_id: 'd-1', user_id: 'u-1', user_name: 'ada@example.com' }),
  resource('aws_identitystore_group', 'engineer', { identity_store_id: 'd-1', group_id: 'g-1', display_name: 'rolecall-engineer' }),
  resource('aws_identitystore_group_membership', 'ada', { identity_store_id: 'd-1', group_id: 'g-1', member_id: 'u-1' }),
  resource('aws_ssoadmin_permission_set', 'engineer', { arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', name: 'Engineer' }),
  resource('aws_ssoadmin_account_assignment', 'engineer', {
    target_id: ACCOUNT,
    target_type: 'AWS_ACCOUNT',
    permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
    principal_type: 'GROUP',
    principal_id: 'g-1',
  }),
  resource('pagerduty_user', 'ada', { id: 'PADA', email: 'ada@example.com', name: 'Ada' }),
  resource('aws_s3_bucket', 'logs', { bucket: 'logs' }),
  { mode: 'data', type: 'aws_iam_user', name: 'ignored', instances: [{ attributes: { name: 7 } }] },
];
const STATE = {
  version: 4,
  terraform_version: '1.9.8',
  serial: 12,
  lineage: 'b5e9c1a0',
  outputs: {},
  resources: RESOURCES,
  check_results: null,
};

/** The same resources as `terraform show -json` shows them: addresses and values, some in a child module. */
function shown() {
  const entries = RESOURCES.filter((item) => item.mode === 'managed').flatMap((item) =>
    item.instances.map((instance, index) => ({
      address: `${item.type}.${item.name}${item.instances.length > 1 ? `[${index}]` : ''}`,
      mode: 'managed',
      type: item.type,
      name: item.name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 0,
      values: instance.attributes,
      sensitive_values: {},
    })),
  );
  const child = entries.filter((entry) => entry.type.startsWith('github_'));
  return {
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: entries.filter((entry) => !entry.type.startsWith('github_')),
        child_modules: [
          { address: 'module.github', resources: child.map((entry) => ({ ...entry, address: `module.github.${entry.address}` })) },
        ],
      },
    },
  };
}

describe('readTerraformState', () => {
  it('reduces a state file to IAM, GitHub, Identity Center and PagerDuty facts', () => {
    const text = json(STATE);
    const read = readTerraformState('prod.tfstate', text);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'state', file: 'prod.tfstate', scope: 'Terraform state serial 12 (lineage b5e9c1a0)' });
    const actual = read.actual;
    expect(actual?.iam?.accountIds).toEqual([ACCOUNT]);
    expect(actual?.iam?.users).toEqual([
      {
        accountId: ACCOUNT,
        name: 'ada@example.com',
        path: '/rolecall/',
        groups: ['rolecall-engineer', 'rolecall-ops'],
        attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        inlinePolicies: ['own'],
        from: { file: 'prod.tfstate', line: lineOf(text, '"instances"') + 1 },
      },
      // bob is only named by a membership: he is read in the one account the state names.
      {
        accountId: ACCOUNT,
        name: 'bob@example.com',
        path: '/',
        groups: ['rolecall-ops'],
        attachedPolicyArns: [],
        inlinePolicies: [],
        from: { file: 'prod.tfstate', line: lineOf(text, '"group": "rolecall-ops"') - 3 },
      },
    ]);
    expect(withoutFrom(actual?.iam?.groups)).toEqual([
      {
        accountId: ACCOUNT,
        name: 'rolecall-engineer',
        path: '/rolecall/',
        attachedPolicyArns: [`arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`],
        inlinePolicies: [{ name: 'engineer', document: POLICY }],
      },
    ]);
    expect(withoutFrom(actual?.iam?.policies)).toEqual([
      { accountId: ACCOUNT, name: 'deploy', arn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`, path: '/rolecall/', document: POLICY },
    ]);
    expect(withoutFrom(actual?.github)).toEqual({
      members: [
        { login: 'ada-gh', role: 'admin' },
        { login: 'bob-gh', role: 'member' },
      ],
      teams: [
        { slug: 'platform', name: 'Platform', id: 4001 },
        { slug: 'sre', name: 'SRE', id: 4002, parent: 'platform' },
      ],
      teamMembers: [
        { team: 'platform', login: 'ada-gh', role: 'maintainer' },
        { team: 'sre', login: 'bob-gh', role: 'member' },
      ],
      teamRepositories: [{ team: 'platform', repository: 'infra', permission: 'push' }],
    });
    expect(withoutFrom(actual?.identityCenter)).toEqual({
      users: [{ id: 'u-1', userName: 'ada@example.com' }],
      groups: [{ id: 'g-1', name: 'rolecall-engineer' }],
      memberships: [{ groupId: 'g-1', userId: 'u-1' }],
      permissionSets: [{ arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', name: 'Engineer' }],
      assignments: [
        { accountId: ACCOUNT, permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', principalType: 'GROUP', principalId: 'g-1' },
      ],
    });
    expect(actual?.pagerduty?.users).toEqual([
      { id: 'PADA', email: 'ada@example.com', name: 'Ada', from: { file: 'prod.tfstate', line: lineOf(text, '"id": "PADA"') - 3 } },
    ]);
  });

  it('reads `terraform show -json` of the same state, child modules included, to the same facts', () => {
    const read = readTerraformState('shown.json', json(shown()));
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'state', file: 'shown.json', scope: 'terraform show -json, Terraform 1.9.8' });
    expect(withoutFrom(read.actual)).toEqual(withoutFrom(readTerraformState('prod.tfstate', json(STATE)).actual));
  });

  it('gives the same facts whatever the order of resources and instances', () => {
    const forward = readTerraformState('s.json', json(STATE));
    const backward = readTerraformState('s.json', json(reversed(STATE, ['resources', 'instances', 'groups', 'users', 'members'])));
    expect(backward.problems).toEqual([]);
    expect(withoutFrom(backward.actual)).toEqual(withoutFrom(forward.actual));
  });

  it('reads only the kinds a state holds: an empty `terraform show -json` has none', () => {
    const read = readTerraformState('empty.json', '{"format_version":"1.0"}');
    expect(read).toEqual({ actual: {}, source: { kind: 'state', file: 'empty.json', scope: 'terraform show -json' }, problems: [] });
  });

  it.each([
    ['the ARN', { arn: `arn:aws:iam::222222222222:user/x` }, {}, '222222222222'],
    ['the one account of the state', {}, { arn: `arn:aws:iam::${ACCOUNT}:group/g` }, ACCOUNT],
    ['defaultAccountId when the state names none', {}, {}, '333333333333'],
  ])('takes the account of an IAM user from %s', (_name, userArn, groupArn, account) => {
    const state = {
      version: 4,
      serial: 1,
      resources: [resource('aws_iam_user', 'x', { name: 'x', ...userArn }), resource('aws_iam_group', 'g', { name: 'g', ...groupArn })],
    };
    const read = readTerraformState('s.json', json(state), { defaultAccountId: '333333333333' });
    expect(read.actual?.iam?.users.map((user) => user.accountId)).toEqual([account]);
  });

  it('fails when an IAM resource has no account to be read in', () => {
    const text = json({
      version: 4,
      resources: [resource('aws_iam_user_policy_attachment', 'x', { user: 'x', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })],
    });
    const read = readTerraformState('s.json', text);
    expect(brief(read.problems)).toEqual([
      `s.json:${lineOf(text, '"attributes"')}:25: resources[0].instances[0].attributes: the account of aws_iam_user_policy_attachment.x is unknown: it has no ARN and the state names no account`,
    ]);
    expect(read.actual?.iam?.users).toEqual([]);
  });

  it('warns about a team id the state does not hold, and reads the rest', () => {
    const text = json({
      version: 4,
      resources: [
        resource('github_team_membership', 'x', { team_id: '999', username: 'ada-gh', role: 'member' }),
        resource('github_membership', 'ada', { username: 'ada-gh', role: 'member' }),
      ],
    });
    const read = readTerraformState('s.json', text);
    expect(brief(read.problems)).toEqual([
      `s.json:${lineOf(text, '"team_id"')}:24: warning: resources[0].instances[0].attributes.team_id: team id 999 of github_team_membership.x is no github_team of this state: its slug is unknown, so the resource is not read`,
    ]);
    expect(read.actual?.github?.members.map((member) => member.login)).toEqual(['ada-gh']);
  });

  it.each([
    [
      'the file is not JSON',
      '{\n  "version": 4,\n  "resources": [\n}\n',
      ['s.json:4:1: not JSON: expected a value (object, array, string, number, true, false or null)'],
    ],
    [
      'it is a plan',
      json({ format_version: '1.2', planned_values: {}, resource_changes: [] }),
      ['s.json:4:23: resource_changes: this is a plan, not a state'],
    ],
    [
      'it is an old state',
      '{ "version": 3, "modules": [] }',
      ['s.json:1:14: version: 3, expected 4: not a state this version of Terraform writes'],
    ],
    [
      'it is the backend file of .terraform',
      '{\n  "version": 3,\n  "backend": { "type": "s3" }\n}',
      ['s.json:3:14: backend: this is the backend configuration Terraform keeps in .terraform/terraform.tfstate, not a state'],
    ],
    [
      'it is no state at all',
      '{ "Users": [] }',
      [
        's.json:1:1: the document: expected a Terraform state ("version": 4 and resources) or `terraform show -json` output ("format_version" and values)',
      ],
    ],
    ['the document is a string', '"state"', ['s.json:1:1: the document: expected a Terraform state object, not the string "state"']],
    [
      'an attribute has the wrong type',
      json({
        version: 4,
        resources: [
          resource('aws_iam_user', 'x', { name: 7, arn: `arn:aws:iam::${ACCOUNT}:user/x` }),
          resource('github_team_members', 't', { team_id: 't', members: [{ role: 'member' }] }),
        ],
      }),
      [
        's.json:13:21: resources[0].instances[0].attributes.name: expected a string, not the number 7',
        's.json:30:15: resources[1].instances[0].attributes.members[0]: missing required key "username" (expected a string)',
      ],
    ],
    [
      'a resource has no instances',
      '{ "version": 4, "resources": [{ "mode": "managed", "type": "aws_iam_user", "name": "x" }] }',
      ['s.json:1:31: resources[0]: missing required key "instances" (expected a list)'],
    ],
  ])('fails when %s', (_name, text, expected) => {
    const read = readTerraformState('s.json', text);
    expect(brief(read.problems)).toEqual(expected);
    expect(
      read.problems.every((problem) => problem.severity === 'error' && /terraform (state pull|show -json)/.test(problem.hint ?? '')),
    ).toBe(true);
  });
});
