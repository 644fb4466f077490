import { z } from 'zod';
import type { Problem } from '../../load/problem';
import { compareText } from '../../util/compare-text';
import type { ActualIdentityCenter, ActualLastAccessed, ActualPagerdutyUser, SourceInfo } from '../actual';
import { checkShape, flatten, readJson } from './json-source';

const IC_HINT = 'give the Identity Center export the README assembles (InstanceArn, Users, Groups, GroupMemberships, PermissionSets, AccountAssignments)';
const IdentityCenter = z.object({
  InstanceArn: z.string().optional(),
  Users: z.array(z.object({ UserId: z.string(), UserName: z.string() })).default([]),
  Groups: z.array(z.object({ GroupId: z.string(), DisplayName: z.string() })).default([]),
  GroupMemberships: z.array(z.object({ GroupId: z.string(), MemberId: z.object({ UserId: z.string() }) })).default([]),
  PermissionSets: z.array(z.object({ Name: z.string(), PermissionSetArn: z.string() })).default([]),
  AccountAssignments: z.array(z.object({ AccountId: z.string(), PermissionSetArn: z.string(), PrincipalType: z.enum(['USER', 'GROUP']), PrincipalId: z.string() })).default([]),
});

/**
 * Reads the Identity Center export the README documents: identity-store users, groups and group
 * memberships (ListUsers, ListGroups, ListGroupMemberships), and the permission sets and account
 * assignments of the instance (DescribePermissionSet, ListAccountAssignments), in one JSON object.
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListAccountAssignments.html
 */
export function readIdentityCenter(file: string, text: string): { identityCenter?: ActualIdentityCenter; source?: SourceInfo; problems: Problem[] } {
  const read = readJson(file, text, IC_HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const shape = checkShape(source, [], source.data, IdentityCenter, IC_HINT);
  if (!shape.value) return { problems: shape.problems };
  const data = shape.value;
  return {
    identityCenter: {
      users: data.Users.map((user, index) => ({ id: user.UserId, userName: user.UserName, from: source.ref(`/Users/${index}`) })).sort((a, b) => compareText(a.userName, b.userName)),
      groups: data.Groups.map((group, index) => ({ id: group.GroupId, name: group.DisplayName, from: source.ref(`/Groups/${index}`) })).sort((a, b) => compareText(a.name, b.name)),
      memberships: data.GroupMemberships.map((membership, index) => ({ groupId: membership.GroupId, userId: membership.MemberId.UserId, from: source.ref(`/GroupMemberships/${index}`) })).sort(
        (a, b) => compareText(a.groupId, b.groupId) || compareText(a.userId, b.userId),
      ),
      permissionSets: data.PermissionSets.map((set, index) => ({ arn: set.PermissionSetArn, name: set.Name, from: source.ref(`/PermissionSets/${index}`) })).sort((a, b) => compareText(a.name, b.name)),
      assignments: data.AccountAssignments.map((assignment, index) => ({
        accountId: assignment.AccountId,
        permissionSetArn: assignment.PermissionSetArn,
        principalType: assignment.PrincipalType,
        principalId: assignment.PrincipalId,
        from: source.ref(`/AccountAssignments/${index}`),
      })).sort((a, b) => compareText(`${a.permissionSetArn}/${a.accountId}/${a.principalId}`, `${b.permissionSetArn}/${b.accountId}/${b.principalId}`)),
    },
    source: { kind: 'identity-center', file, scope: data.InstanceArn ? `Identity Center ${data.InstanceArn}` : 'Identity Center' },
    problems: [],
  };
}

const LA_HINT = 'give a JSON object of `aws iam get-service-last-accessed-details` outputs keyed by group ARN (README, Auditing)';
const LastAccessed = z.object({
  JobStatus: z.string(),
  JobCompletionDate: z.string().optional(),
  ServicesLastAccessed: z.array(z.object({ ServiceName: z.string(), ServiceNamespace: z.string(), LastAuthenticated: z.string().optional() })).default([]),
  IsTruncated: z.boolean().optional(),
});

/**
 * Reads IAM service last-accessed details: an object keyed by the entity's ARN whose values are
 * `aws iam get-service-last-accessed-details` outputs, or a list of such outputs each with an `Arn`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
 */
export function readLastAccessed(file: string, text: string): { lastAccessed?: ActualLastAccessed[]; source?: SourceInfo; problems: Problem[] } {
  const read = readJson(file, text, LA_HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = source.data;
  const entries: { arn: unknown; value: unknown; at: string }[] = Array.isArray(data)
    ? data.map((value: unknown, index) => ({ arn: typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['Arn'] : undefined, value, at: `/${index}` }))
    : typeof data === 'object' && data !== null
      ? Object.entries(data).map(([arn, value]) => ({ arn, value, at: `/${arn.replace(/~/g, '~0').replace(/\//g, '~1')}` }))
      : [];
  if (entries.length === 0) return { problems: [source.problem('', 'expected an object keyed by ARN (or a list with Arn fields) of last-accessed details', LA_HINT)] };
  const problems: Problem[] = [];
  const result: ActualLastAccessed[] = [];
  for (const entry of entries) {
    const path = entry.at.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (typeof entry.arn !== 'string' || !entry.arn.startsWith('arn:')) {
      problems.push(source.problem(entry.at, `${path.join('.')}: expected the entity's ARN`, LA_HINT));
      continue;
    }
    const checked = checkShape(source, path, entry.value, LastAccessed, LA_HINT);
    problems.push(...checked.problems);
    if (!checked.value) continue;
    if (checked.value.JobStatus !== 'COMPLETED') {
      problems.push(source.problem(`${entry.at}/JobStatus`, `the report of ${entry.arn} is ${checked.value.JobStatus}, not COMPLETED`, 'wait for the job and fetch its details again'));
      continue;
    }
    result.push({
      entityArn: entry.arn,
      services: checked.value.ServicesLastAccessed.map((service) => ({ namespace: service.ServiceNamespace, name: service.ServiceName, ...(service.LastAuthenticated ? { lastAuthenticated: service.LastAuthenticated } : {}) })).sort((a, b) => compareText(a.namespace, b.namespace)),
      ...(checked.value.JobCompletionDate ? { generated: checked.value.JobCompletionDate } : {}),
      from: source.ref(entry.at),
    });
  }
  const dates = result.flatMap((entry) => entry.generated ?? []).sort(compareText);
  return { lastAccessed: result.sort((a, b) => compareText(a.entityArn, b.entityArn)), source: { kind: 'last-accessed', file, scope: `${result.length} IAM entities`, ...(dates[0] ? { taken: dates[0] } : {}) }, problems };
}

const PD_HINT = 'give the output of PagerDuty GET /users (one page, a list of pages, or a list of users)';
const PagerdutyUser = z.object({ id: z.string(), email: z.string(), name: z.string().default('') });

/** Reads PagerDuty users (REST API v2 GET /users). https://developer.pagerduty.com/api-reference/c96e889522dd6-list-users */
export function readPagerdutyUsers(file: string, text: string): { pagerduty?: { users: ActualPagerdutyUser[] }; source?: SourceInfo; problems: Problem[] } {
  const read = readJson(file, text, PD_HINT);
  if (!read.source) return { problems: read.problems };
  const source = read.source;
  const data = source.data;
  const pages = Array.isArray(data) ? data.map((page: unknown, index) => ({ page, at: `/${index}` })) : [{ page: data, at: '' }];
  const problems: Problem[] = [];
  const users: ActualPagerdutyUser[] = [];
  for (const { page, at } of pages) {
    const isPage = typeof page === 'object' && page !== null && !Array.isArray(page) && Array.isArray((page as Record<string, unknown>)['users']);
    const list = isPage ? flatten((page as Record<string, unknown>)['users'], `${at}/users`) : Array.isArray(data) ? { items: [{ value: page, at }] } : undefined;
    if (!list) {
      problems.push(source.problem(at, 'expected a page of GET /users (an object with users)', PD_HINT));
      continue;
    }
    if (isPage && (page as Record<string, unknown>)['more'] === true && at === pages[pages.length - 1]?.at) problems.push(source.problem(`${at}/more`, 'more is true: the last page says there are more users', 'fetch every page (offset) and give them all', 'warning'));
    for (const item of list.items) {
      const checked = checkShape(source, item.at.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), item.value, PagerdutyUser, PD_HINT);
      problems.push(...checked.problems);
      if (checked.value) users.push({ id: checked.value.id, email: checked.value.email, name: checked.value.name, from: source.ref(item.at) });
    }
  }
  return { pagerduty: { users: users.sort((a, b) => compareText(a.email, b.email)) }, source: { kind: 'pagerduty-users', file, scope: `${users.length} PagerDuty users` }, problems };
}
