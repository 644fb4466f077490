import { readIdentityCenter } from '../../../../src/audit/sources';
import { brief, json, lineOf, reversed, withoutFrom } from './source-helpers';

const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';
const EXPORT = {
  InstanceArn: 'arn:aws:sso:::instance/ssoins-1',
  IdentityStoreId: 'd-1',
  Users: [
    {
      IdentityStoreId: 'd-1',
      UserId: 'u-2',
      UserName: 'bob@example.com',
      DisplayName: 'Bob',
      Emails: [{ Value: 'bob@example.com', Primary: true }],
    },
    { IdentityStoreId: 'd-1', UserId: 'u-1', UserName: 'ada@example.com' },
  ],
  Groups: [{ IdentityStoreId: 'd-1', GroupId: 'g-1', DisplayName: 'rolecall-engineer', Description: 'Engineers' }],
  GroupMemberships: [
    { IdentityStoreId: 'd-1', MembershipId: 'm-2', GroupId: 'g-1', MemberId: { UserId: 'u-2' } },
    { IdentityStoreId: 'd-1', MembershipId: 'm-1', GroupId: 'g-1', MemberId: { UserId: 'u-1' } },
  ],
  PermissionSets: [{ Name: 'Engineer', PermissionSetArn: PS, CreatedDate: '2026-01-01T00:00:00Z', SessionDuration: 'PT8H' }],
  AccountAssignments: [
    { AccountId: '111111111111', PermissionSetArn: PS, PrincipalType: 'USER', PrincipalId: 'u-2' },
    { AccountId: '111111111111', PermissionSetArn: PS, PrincipalType: 'GROUP', PrincipalId: 'g-1' },
  ],
};

describe('readIdentityCenter', () => {
  it('reduces the export to users, groups, memberships, permission sets and assignments', () => {
    const text = json(EXPORT);
    const read = readIdentityCenter('ic.json', text);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ kind: 'identity-center', file: 'ic.json', scope: 'Identity Center arn:aws:sso:::instance/ssoins-1' });
    expect(read.actual?.identityCenter.users).toEqual([
      { id: 'u-1', userName: 'ada@example.com', from: { file: 'ic.json', line: lineOf(text, '"UserId": "u-1"') - 2 } },
      { id: 'u-2', userName: 'bob@example.com', from: { file: 'ic.json', line: lineOf(text, '"UserId": "u-2"') - 2 } },
    ]);
    expect(withoutFrom(read.actual?.identityCenter)).toMatchObject({
      groups: [{ id: 'g-1', name: 'rolecall-engineer' }],
      memberships: [
        { groupId: 'g-1', userId: 'u-1' },
        { groupId: 'g-1', userId: 'u-2' },
      ],
      permissionSets: [{ arn: PS, name: 'Engineer' }],
      assignments: [
        { accountId: '111111111111', permissionSetArn: PS, principalType: 'GROUP', principalId: 'g-1' },
        { accountId: '111111111111', permissionSetArn: PS, principalType: 'USER', principalId: 'u-2' },
      ],
    });
  });

  it('reads lists flat or as pages, in any order, to the same facts', () => {
    const keys = ['Users', 'GroupMemberships', 'AccountAssignments'];
    const paged = Object.fromEntries(
      Object.entries(EXPORT).map(([key, value]) => [
        key,
        keys.includes(key) && Array.isArray(value) ? [value.slice(0, 1), value.slice(1)] : value,
      ]),
    );
    const expected = withoutFrom(readIdentityCenter('a.json', json(EXPORT)).actual);
    expect(withoutFrom(readIdentityCenter('a.json', json(paged)).actual)).toEqual(expected);
    expect(withoutFrom(readIdentityCenter('a.json', json(reversed(EXPORT, keys))).actual)).toEqual(expected);
  });

  it('names the store when the instance is not given', () => {
    const { InstanceArn: _instance, ...rest } = EXPORT;
    expect(readIdentityCenter('a.json', json(rest)).source?.scope).toBe('Identity Center store d-1');
  });

  it.each([
    [
      'the file is not JSON',
      '{ "Users": [ }',
      ['ic.json:1:14: not JSON: expected a value (object, array, string, number, true, false or null)'],
    ],
    [
      'a list is missing',
      '{ "Users": [], "Groups": [], "GroupMemberships": [], "PermissionSets": [] }',
      ['ic.json:1:1: the document: missing required key "AccountAssignments" (expected a list)'],
    ],
    [
      'nested values are wrong',
      json({
        ...EXPORT,
        GroupMemberships: [{ GroupId: 'g-1', MemberId: { GroupId: 'g-2' } }],
        AccountAssignments: [{ AccountId: '1', PermissionSetArn: PS, PrincipalType: 'ROLE', PrincipalId: 'x' }],
      }),
      [
        'ic.json:34:19: GroupMemberships[0].MemberId: missing required key "UserId" (expected a string)',
        'ic.json:49:20: AccountAssignments[0].AccountId: expected a 12-digit account id',
        'ic.json:51:24: AccountAssignments[0].PrincipalType: expected "USER" or "GROUP", not the string "ROLE"',
      ],
    ],
  ])('fails when %s', (_name, text, expected) => {
    const read = readIdentityCenter('ic.json', text);
    expect(brief(read.problems)).toEqual(expected);
    expect(read.problems.every((problem) => problem.hint?.includes('aws identitystore'))).toBe(true);
  });
});
