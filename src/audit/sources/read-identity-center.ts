import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualIdentityCenter } from '../actual';
import { checkItems, checkShape, isRecord, readJson, readList, type SourceRead } from './json-source';

const HINT =
  "give the Identity Center export the README's `aws identitystore` and `aws sso-admin` commands assemble (Auditing, Making the exports)";

const Top = z.object({
  InstanceArn: z.string().optional(),
  IdentityStoreId: z.string().optional(),
  Users: z.array(z.unknown()),
  Groups: z.array(z.unknown()),
  GroupMemberships: z.array(z.unknown()),
  PermissionSets: z.array(z.unknown()),
  AccountAssignments: z.array(z.unknown()),
});
const User = z.object({ UserId: z.string().min(1), UserName: z.string().min(1), DisplayName: z.string().optional() });
const Group = z.object({ GroupId: z.string().min(1), DisplayName: z.string() });
const Membership = z.object({
  GroupId: z.string().min(1),
  MembershipId: z.string().optional(),
  MemberId: z.object({ UserId: z.string().min(1) }),
});
const PermissionSet = z.object({ Name: z.string().min(1), PermissionSetArn: z.string().min(1) });
const Assignment = z.object({
  AccountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  PermissionSetArn: z.string().min(1),
  PrincipalType: z.enum(['USER', 'GROUP']),
  PrincipalId: z.string().min(1),
});

/** Identity Center facts: https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_ListUsers.html */
export interface IdentityCenterFacts {
  readonly identityCenter: ActualIdentityCenter;
}

/**
 * Reads the Identity Center export the README documents, one JSON object: `InstanceArn`, `IdentityStoreId`,
 * `Users` (identitystore list-users), `Groups` (list-groups), `GroupMemberships` (list-group-memberships),
 * `PermissionSets` (sso-admin describe-permission-set) and `AccountAssignments` (list-account-assignments).
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListAccountAssignments.html
 */
export function readIdentityCenter(file: string, text: string): SourceRead<IdentityCenterFacts> {
  const read = readJson(file, text, HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const top = checkShape(source, '', source.data, Top, HINT);
  if (!top.value || !isRecord(source.data)) return { problems: top.problems };
  const data = source.data;
  const problems: Problem[] = [];
  const list = <S extends z.ZodType>(key: string, schema: S) =>
    checkItems(source, readList(source, data[key], `/${key}`, HINT, problems), schema, HINT, problems);
  const users = list('Users', User).map(({ value, at }) => ({ id: value.UserId, userName: value.UserName, from: source.ref(at) }));
  const groups = list('Groups', Group).map(({ value, at }) => ({ id: value.GroupId, name: value.DisplayName, from: source.ref(at) }));
  const memberships = list('GroupMemberships', Membership).map(({ value, at }) => ({
    groupId: value.GroupId,
    userId: value.MemberId.UserId,
    from: source.ref(at),
  }));
  const permissionSets = list('PermissionSets', PermissionSet).map(({ value, at }) => ({
    arn: value.PermissionSetArn,
    name: value.Name,
    from: source.ref(at),
  }));
  const assignments = list('AccountAssignments', Assignment).map(({ value, at }) => ({
    accountId: value.AccountId,
    permissionSetArn: value.PermissionSetArn,
    principalType: value.PrincipalType,
    principalId: value.PrincipalId,
    from: source.ref(at),
  }));
  const { InstanceArn: instance, IdentityStoreId: store } = top.value;
  return {
    actual: {
      identityCenter: {
        users: users.sort((a, b) => compareText(a.userName, b.userName) || compareText(a.id, b.id) || a.from.line - b.from.line),
        groups: groups.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id) || a.from.line - b.from.line),
        memberships: memberships.sort(
          (a, b) => compareText(a.groupId, b.groupId) || compareText(a.userId, b.userId) || a.from.line - b.from.line,
        ),
        permissionSets: permissionSets.sort(
          (a, b) => compareText(a.name, b.name) || compareText(a.arn, b.arn) || a.from.line - b.from.line,
        ),
        assignments: assignments.sort(
          (a, b) =>
            compareText(a.permissionSetArn, b.permissionSetArn) ||
            compareText(a.accountId, b.accountId) ||
            compareText(a.principalType, b.principalType) ||
            compareText(a.principalId, b.principalId) ||
            a.from.line - b.from.line,
        ),
      },
    },
    source: {
      kind: 'identity-center',
      file,
      scope: instance ? `Identity Center ${instance}` : store ? `Identity Center store ${store}` : `Identity Center export ${file}`,
    },
    problems,
  };
}
