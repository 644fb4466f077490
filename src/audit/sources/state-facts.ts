import type { RepoPermission } from '../../schema';
import { compareText } from '../../util/compare-text';
import type { ActualGithub, ActualIamGroup, ActualIamPolicy, ActualIamUser, ActualIdentityCenter, ActualPagerdutyUser } from '../actual';
import type { SourceRef } from '../../model/types';
import { arnAccount } from './json-source';

/** A managed resource of a state: its type, its attributes and where it is written. */
export interface StateResource {
  readonly type: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly from: SourceRef;
}

/** The facts a state holds, by kind. */
export interface StateFacts {
  readonly iam?: { readonly accountIds: string[]; readonly users: ActualIamUser[]; readonly groups: ActualIamGroup[]; readonly policies: ActualIamPolicy[] };
  readonly github?: ActualGithub;
  readonly identityCenter?: ActualIdentityCenter;
  readonly pagerduty?: { readonly users: ActualPagerdutyUser[] };
}

const PERMISSIONS: readonly RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];

/**
 * Reduces state resources (hashicorp/aws 5.x, integrations/github 6.x, PagerDuty attribute names) to
 * facts. IAM resources without an ARN take the account of the user or group they name, else
 * `defaultAccountId`, else the one account the state's ARNs name.
 */
export function stateFacts(resources: readonly StateResource[], defaultAccountId?: string): { facts: StateFacts; problems: string[] } {
  const of = (type: string) => resources.filter((resource) => resource.type === type);
  const text = (resource: StateResource, key: string): string => (typeof resource.values[key] === 'string' ? String(resource.values[key]) : '');
  const list = (resource: StateResource, key: string): string[] => (Array.isArray(resource.values[key]) ? (resource.values[key] as unknown[]).filter((item): item is string => typeof item === 'string') : []);
  const accounts = new Set(resources.flatMap((resource) => arnAccount(text(resource, 'arn')) ?? []));
  const fallback = defaultAccountId ?? (accounts.size === 1 ? [...accounts][0] : undefined);
  const problems: string[] = [];
  const facts: { -readonly [K in keyof StateFacts]: StateFacts[K] } = {};

  const iamTypes = ['aws_iam_user', 'aws_iam_group', 'aws_iam_policy', 'aws_iam_group_policy', 'aws_iam_group_policy_attachment', 'aws_iam_user_group_membership', 'aws_iam_group_membership'];
  if (resources.some((resource) => iamTypes.includes(resource.type))) {
    const groupAccount = new Map(of('aws_iam_group').map((group) => [text(group, 'name'), arnAccount(text(group, 'arn')) ?? fallback]));
    const userGroups = new Map<string, Set<string>>();
    for (const membership of of('aws_iam_user_group_membership')) for (const group of list(membership, 'groups')) userGroups.set(text(membership, 'user'), (userGroups.get(text(membership, 'user')) ?? new Set()).add(group));
    for (const membership of of('aws_iam_group_membership')) for (const user of list(membership, 'users')) userGroups.set(user, (userGroups.get(user) ?? new Set()).add(text(membership, 'group')));
    const users = of('aws_iam_user').map((user): ActualIamUser => ({
      accountId: arnAccount(text(user, 'arn')) ?? fallback ?? '',
      name: text(user, 'name'),
      path: text(user, 'path') || '/',
      groups: [...(userGroups.get(text(user, 'name')) ?? [])].sort(compareText),
      attachedPolicyArns: of('aws_iam_user_policy_attachment').filter((item) => text(item, 'user') === text(user, 'name')).map((item) => text(item, 'policy_arn')).sort(compareText),
      inlinePolicies: of('aws_iam_user_policy').filter((item) => text(item, 'user') === text(user, 'name')).map((item) => text(item, 'name')).sort(compareText),
      from: user.from,
    }));
    const groups = of('aws_iam_group').map((group): ActualIamGroup => ({
      accountId: groupAccount.get(text(group, 'name')) ?? '',
      name: text(group, 'name'),
      path: text(group, 'path') || '/',
      attachedPolicyArns: of('aws_iam_group_policy_attachment').filter((item) => text(item, 'group') === text(group, 'name')).map((item) => text(item, 'policy_arn')).sort(compareText),
      inlinePolicies: of('aws_iam_group_policy')
        .filter((item) => text(item, 'group') === text(group, 'name'))
        .map((item) => ({ name: text(item, 'name'), document: text(item, 'policy') }))
        .sort((a, b) => compareText(a.name, b.name)),
      from: group.from,
    }));
    const policies = of('aws_iam_policy').map((policy): ActualIamPolicy => ({ accountId: arnAccount(text(policy, 'arn')) ?? fallback ?? '', name: text(policy, 'name'), arn: text(policy, 'arn'), path: text(policy, 'path') || '/', document: text(policy, 'policy'), from: policy.from }));
    if ([...users, ...groups, ...policies].some((item) => item.accountId === '')) problems.push('IAM resources whose account is unknown: no ARN in the state and no account to assume');
    const accountIds = [...new Set([...users, ...groups, ...policies].map((item) => item.accountId).filter(Boolean))].sort(compareText);
    facts.iam = { accountIds, users, groups, policies };
  }

  const githubTypes = ['github_membership', 'github_team', 'github_team_membership', 'github_team_members', 'github_team_repository'];
  if (resources.some((resource) => githubTypes.includes(resource.type))) {
    const slugOf = new Map(of('github_team').map((team) => [text(team, 'id'), text(team, 'slug') || text(team, 'name')]));
    const team = (id: string): string => slugOf.get(id) ?? id;
    facts.github = {
      members: of('github_membership').map((member) => ({ login: text(member, 'username'), role: text(member, 'role') === 'admin' ? ('admin' as const) : ('member' as const), from: member.from })),
      teams: of('github_team').map((item) => ({ slug: text(item, 'slug') || text(item, 'name'), name: text(item, 'name'), ...(/^\d+$/.test(text(item, 'id')) ? { id: Number(text(item, 'id')) } : {}), from: item.from })),
      teamMembers: [
        ...of('github_team_membership').map((member) => ({ team: team(text(member, 'team_id')), login: text(member, 'username'), role: text(member, 'role') === 'maintainer' ? ('maintainer' as const) : ('member' as const), from: member.from })),
        ...of('github_team_members').flatMap((members) =>
          (Array.isArray(members.values['members']) ? (members.values['members'] as unknown[]) : []).flatMap((member) =>
            typeof member === 'object' && member !== null && typeof (member as Record<string, unknown>)['username'] === 'string'
              ? [{ team: team(text(members, 'team_id')), login: String((member as Record<string, unknown>)['username']), role: (member as Record<string, unknown>)['role'] === 'maintainer' ? ('maintainer' as const) : ('member' as const), from: members.from }]
              : [],
          ),
        ),
      ],
      teamRepositories: of('github_team_repository').map((entry) => ({ team: team(text(entry, 'team_id')), repository: text(entry, 'repository'), permission: PERMISSIONS.includes(text(entry, 'permission') as RepoPermission) ? (text(entry, 'permission') as RepoPermission) : 'pull', from: entry.from })),
    };
  }

  if (resources.some((resource) => resource.type.startsWith('identitystore_') || resource.type.startsWith('ssoadmin_'))) {
    facts.identityCenter = {
      users: of('identitystore_user').map((user) => ({ id: text(user, 'user_id'), userName: text(user, 'user_name'), from: user.from })),
      groups: of('identitystore_group').map((group) => ({ id: text(group, 'group_id'), name: text(group, 'display_name'), from: group.from })),
      memberships: of('identitystore_group_membership').map((membership) => ({ groupId: text(membership, 'group_id'), userId: text(membership, 'member_id'), from: membership.from })),
      permissionSets: of('ssoadmin_permission_set').map((set) => ({ arn: text(set, 'arn'), name: text(set, 'name'), from: set.from })),
      assignments: of('ssoadmin_account_assignment').map((assignment) => ({
        accountId: text(assignment, 'target_id'),
        permissionSetArn: text(assignment, 'permission_set_arn'),
        principalType: text(assignment, 'principal_type') === 'USER' ? ('USER' as const) : ('GROUP' as const),
        principalId: text(assignment, 'principal_id'),
        from: assignment.from,
      })),
    };
  }
  if (of('pagerduty_user').length) facts.pagerduty = { users: of('pagerduty_user').map((user) => ({ id: text(user, 'id'), email: text(user, 'email'), name: text(user, 'name'), from: user.from })) };
  return { facts, problems };
}
