import { readAuthorizationDetails } from '../../../../src/audit/sources';
import { brief, json, lineOf, reversed, withoutFrom } from './source-helpers';

const ACCOUNT = '111111111111';
const DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

/** A small export of one account: two users, two groups, a customer-managed and an AWS-managed policy, a role. */
const DETAILS = {
  UserDetailList: [
    {
      Path: '/rolecall/',
      UserName: 'ada@example.com',
      UserId: 'AIDAEXAMPLE1',
      Arn: `arn:aws:iam::${ACCOUNT}:user/rolecall/ada@example.com`,
      CreateDate: '2026-01-05T10:00:00+00:00',
      GroupList: ['rolecall-engineer', 'rolecall-admin'],
      AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      UserPolicyList: [{ PolicyName: 'own-keys', PolicyDocument: DOCUMENT }],
      Tags: [{ Key: 'team', Value: 'platform' }],
    },
    {
      Path: '/',
      UserName: 'ci-deployer',
      UserId: 'AIDAEXAMPLE2',
      Arn: `arn:aws:iam::${ACCOUNT}:user/ci-deployer`,
      CreateDate: '2025-03-01T00:00:00Z',
      GroupList: [],
      AttachedManagedPolicies: [],
    },
  ],
  GroupDetailList: [
    {
      Path: '/rolecall/',
      GroupName: 'rolecall-engineer',
      GroupId: 'AGPAEXAMPLE1',
      Arn: `arn:aws:iam::${ACCOUNT}:group/rolecall/rolecall-engineer`,
      GroupPolicyList: [{ PolicyName: 'engineer', PolicyDocument: encodeURIComponent(JSON.stringify(DOCUMENT, null, 4)) }],
      AttachedManagedPolicies: [{ PolicyName: 'deploy', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy` }],
    },
    {
      Path: '/',
      GroupName: 'rolecall-admin',
      GroupId: 'AGPAEXAMPLE2',
      Arn: `arn:aws:iam::${ACCOUNT}:group/rolecall-admin`,
      GroupPolicyList: [],
      AttachedManagedPolicies: [],
    },
  ],
  RoleDetailList: [{ RoleName: 'ops', Arn: `arn:aws:iam::${ACCOUNT}:role/ops`, AssumeRolePolicyDocument: {} }],
  Policies: [
    {
      PolicyName: 'deploy',
      PolicyId: 'ANPAEXAMPLE1',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`,
      Path: '/rolecall/',
      DefaultVersionId: 'v2',
      AttachmentCount: 1,
      PolicyVersionList: [
        { Document: { Version: '2012-10-17', Statement: [] }, VersionId: 'v1', IsDefaultVersion: false },
        { Document: DOCUMENT, VersionId: 'v2', IsDefaultVersion: true },
      ],
    },
    {
      PolicyName: 'ReadOnlyAccess',
      PolicyId: 'ANPAAWS',
      Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
      PolicyVersionList: [],
    },
  ],
  IsTruncated: false,
};

describe('readAuthorizationDetails', () => {
  it('reduces an export to users, groups and customer-managed policies of its account', () => {
    const text = json(DETAILS);
    const read = readAuthorizationDetails('prod.json', text);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'aws-authorization-details', file: 'prod.json', scope: `AWS account ${ACCOUNT}` });
    const iam = read.actual?.iam;
    expect(iam?.accountIds).toEqual([ACCOUNT]);
    expect(iam?.users).toEqual([
      {
        accountId: ACCOUNT,
        name: 'ada@example.com',
        path: '/rolecall/',
        groups: ['rolecall-admin', 'rolecall-engineer'],
        attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        inlinePolicies: ['own-keys'],
        created: '2026-01-05T10:00:00+00:00',
        from: { file: 'prod.json', line: lineOf(text, '"UserDetailList"') + 1 },
      },
      {
        accountId: ACCOUNT,
        name: 'ci-deployer',
        path: '/',
        groups: [],
        attachedPolicyArns: [],
        inlinePolicies: [],
        created: '2025-03-01T00:00:00Z',
        from: { file: 'prod.json', line: lineOf(text, '"UserName": "ci-deployer"') - 2 },
      },
    ]);
    expect(withoutFrom(iam?.groups)).toEqual([
      { accountId: ACCOUNT, name: 'rolecall-admin', path: '/', attachedPolicyArns: [], inlinePolicies: [] },
      {
        accountId: ACCOUNT,
        name: 'rolecall-engineer',
        path: '/rolecall/',
        attachedPolicyArns: [`arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`],
        inlinePolicies: [{ name: 'engineer', document: JSON.stringify(DOCUMENT) }],
      },
    ]);
    expect(iam?.policies).toEqual([
      {
        accountId: ACCOUNT,
        name: 'deploy',
        arn: `arn:aws:iam::${ACCOUNT}:policy/rolecall/deploy`,
        path: '/rolecall/',
        document: JSON.stringify(DOCUMENT),
        from: { file: 'prod.json', line: lineOf(text, '"Policies"') + 1 },
      },
    ]);
  });

  it('gives the same facts whatever the order of the lists', () => {
    const keys = [
      'UserDetailList',
      'GroupDetailList',
      'Policies',
      'GroupList',
      'AttachedManagedPolicies',
      'PolicyVersionList',
      'GroupPolicyList',
    ];
    const forward = readAuthorizationDetails('a.json', json(DETAILS));
    const backward = readAuthorizationDetails('a.json', json(reversed(DETAILS, keys)));
    expect(backward.problems).toEqual([]);
    expect(withoutFrom(backward.actual)).toEqual(withoutFrom(forward.actual));
  });

  it('picks the default version by DefaultVersionId when no version is marked default', () => {
    const policy = {
      PolicyName: 'p',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/p`,
      DefaultVersionId: 'v1',
      PolicyVersionList: [{ Document: '%7B%22Version%22%3A%222012-10-17%22%7D', VersionId: 'v1' }],
    };
    expect(readAuthorizationDetails('a.json', json({ Policies: [policy] })).actual?.iam.policies[0]?.document).toBe(
      '{"Version":"2012-10-17"}',
    );
  });

  it('warns that a truncated export is incomplete', () => {
    const text = json({ ...DETAILS, IsTruncated: true, Marker: 'abc' });
    const read = readAuthorizationDetails('a.json', text);
    expect(read.actual?.iam.users).toHaveLength(2);
    expect(brief(read.problems)).toEqual([
      `a.json:${lineOf(text, '"IsTruncated"')}:18: warning: IsTruncated: true: this is one page of the export, so users, groups or policies are missing`,
    ]);
    expect(read.problems[0]?.hint).toMatch(/--no-paginate/);
  });

  it.each([
    [
      'the file is not JSON',
      '{\n  "UserDetailList": [\n    { "UserName": "a", }\n  ]\n}\n',
      ['a.json:3:24: not JSON: expected a property name in double quotes'],
    ],
    ['the file is empty', '', ['a.json:1:1: not JSON: expected a value (object, array, string, number, true, false or null)']],
    ['the document is a list', '[]\n', ['a.json:1:1: the document: expected an object, not a list']],
    [
      'a nested value has the wrong type',
      '{\n  "UserDetailList": [\n    { "UserName": 7, "Arn": "arn:aws:iam::111111111111:user/x" },\n    { "Arn": "arn:aws:iam::111111111111:user/y", "GroupList": "admins" }\n  ]\n}\n',
      [
        'a.json:3:19: UserDetailList[0].UserName: expected a string, not the number 7',
        'a.json:4:5: UserDetailList[1]: missing required key "UserName" (expected a string)',
        'a.json:4:63: UserDetailList[1].GroupList: expected a list, not the string "admins"',
      ],
    ],
    ['a list is an object', '{ "GroupDetailList": {} }', ['a.json:1:22: GroupDetailList: expected a list, not an object']],
    [
      'a group policy document is not JSON',
      `{ "GroupDetailList": [{ "GroupName": "g", "Arn": "arn:aws:iam::${ACCOUNT}:group/g", "GroupPolicyList": [{ "PolicyName": "p", "PolicyDocument": "%7Bnot" }] }] }`,
      [
        'a.json:1:146: GroupDetailList[0].GroupPolicyList[0].PolicyDocument: expected a policy document (an object, or URL-encoded JSON text)',
      ],
    ],
    [
      'nothing names an account',
      '{ "UserDetailList": [] }',
      ['a.json:1:1: no ARN names an account: the export holds no user, group, customer-managed policy or role'],
    ],
  ])('fails when %s', (_name, text, expected) => {
    const read = readAuthorizationDetails('a.json', text);
    expect(brief(read.problems)).toEqual(expected);
    expect(read.problems.every((problem) => problem.hint?.includes('aws iam get-account-authorization-details'))).toBe(true);
  });

  it('fails when one file holds two accounts, at the first ARN of the second', () => {
    const other = {
      ...DETAILS,
      GroupDetailList: [...DETAILS.GroupDetailList, { GroupName: 'x', Arn: 'arn:aws:iam::222222222222:group/x' }],
    };
    const text = json(other);
    const read = readAuthorizationDetails('two.json', text);
    expect(read.actual).toBeUndefined();
    expect(read.source).toBeUndefined();
    expect(brief(read.problems)).toEqual([
      `two.json:${lineOf(text, '"arn:aws:iam::222222222222')}:14: GroupDetailList[2].Arn: ARN of account 222222222222, but UserDetailList[0].Arn is of account ${ACCOUNT}: two accounts in one file`,
    ]);
    expect(read.problems[0]?.hint).toMatch(/once per account/);
  });
});
