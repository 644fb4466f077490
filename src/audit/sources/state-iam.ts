import { z } from 'zod';
import { compareText } from '../../util/compare-text';
import type { ActualIamGroup, ActualIamPolicy, ActualIamUser } from '../actual';
import { arnAccount, policyText } from './iam-values';
import { displayPath } from './json-source';
import { hasAny, typed, type StateContext, type StateResource } from './state-resources';

const Named = z.object({ name: z.string().min(1), path: z.string().nullish(), arn: z.string().nullish() });
const Policy = z.object({ name: z.string().min(1), arn: z.string().min(1), path: z.string().nullish(), policy: z.string().nullish() });
const UserGroups = z.object({ user: z.string().min(1), groups: z.array(z.string()) });
const GroupUsers = z.object({ group: z.string().min(1), users: z.array(z.string()) });
const GroupPolicy = z.object({ group: z.string().min(1), name: z.string().min(1), policy: z.string().nullish() });
const GroupAttachment = z.object({ group: z.string().min(1), policy_arn: z.string().min(1) });
const UserPolicy = z.object({ user: z.string().min(1), name: z.string().min(1) });
const UserAttachment = z.object({ user: z.string().min(1), policy_arn: z.string().min(1) });

const IAM_TYPES = [
  'aws_iam_user',
  'aws_iam_group',
  'aws_iam_policy',
  'aws_iam_user_group_membership',
  'aws_iam_group_membership',
  'aws_iam_group_policy',
  'aws_iam_group_policy_attachment',
  'aws_iam_user_policy',
  'aws_iam_user_policy_attachment',
];

/** The IAM facts of a state: https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_user */
export interface StateIam {
  readonly accountIds: string[];
  readonly users: ActualIamUser[];
  readonly groups: ActualIamGroup[];
  readonly policies: ActualIamPolicy[];
}

interface Entity {
  accountId: string;
  name: string;
  path: string;
  from: StateResource['from'];
  groups: Set<string>;
  attached: Set<string>;
  inline: Map<string, string | undefined>;
}

/**
 * Reduces the hashicorp/aws 5.x IAM resources of a state to users (with their groups and policies), groups
 * (with inline policy documents and attachments) and customer-managed policies. A resource's account is its
 * ARN's; a membership, policy or attachment of a user or group the state does not hold adds that user or
 * group, in the account of the same-named user or group, else the one account the state's ARNs name, else
 * `defaultAccountId`; else a problem. https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/iam_user_group_membership
 */
export function stateIam(context: StateContext, defaultAccountId: string | undefined): StateIam | undefined {
  if (!hasAny(context, IAM_TYPES)) return undefined;
  const { source, problems } = context;
  const users = typed(context, 'aws_iam_user', Named);
  const groups = typed(context, 'aws_iam_group', Named);
  const policies = typed(context, 'aws_iam_policy', Policy);
  const seen = new Set([...users, ...groups, ...policies].flatMap(({ value }) => arnAccount(value.arn ?? '') ?? []));
  const fallback = seen.size === 1 ? [...seen][0] : defaultAccountId;
  const reported = new Set<string>();
  const unknownAccount = (resource: StateResource): undefined => {
    if (reported.has(resource.at)) return undefined;
    reported.add(resource.at);
    const message = `${displayPath(resource.at)}: the account of ${resource.address} is unknown: it has no ARN and the state names ${seen.size ? 'more than one account' : 'no account'}`;
    problems.push(
      source.problem(
        resource.at,
        message,
        'give a state whose users and groups have ARNs; `rolecall audit` assumes the first AWS account of org.yaml for the others',
      ),
    );
    return undefined;
  };

  const byName = (list: typeof users) => {
    const map = new Map<string, Entity[]>();
    for (const { value, resource } of list) {
      const accountId = arnAccount(value.arn ?? '') ?? fallback ?? unknownAccount(resource);
      if (accountId === undefined) continue;
      const entity: Entity = {
        accountId,
        name: value.name,
        path: value.path || '/',
        from: resource.from,
        groups: new Set(),
        attached: new Set(),
        inline: new Map(),
      };
      map.set(value.name, [...(map.get(value.name) ?? []), entity]);
    }
    return map;
  };
  const userMap = byName(users);
  const groupMap = byName(groups);
  /** The users or groups of a name: those of the state, else one added in the fallback account. */
  const named = (map: Map<string, Entity[]>, name: string, resource: StateResource): Entity[] => {
    const known = map.get(name);
    if (known) return known;
    const accountId = fallback ?? unknownAccount(resource);
    if (accountId === undefined) return [];
    const added: Entity = { accountId, name, path: '/', from: resource.from, groups: new Set(), attached: new Set(), inline: new Map() };
    map.set(name, [added]);
    return [added];
  };

  for (const { value, resource } of typed(context, 'aws_iam_user_group_membership', UserGroups)) {
    for (const user of named(userMap, value.user, resource)) value.groups.forEach((group) => user.groups.add(group));
  }
  for (const { value, resource } of typed(context, 'aws_iam_group_membership', GroupUsers)) {
    for (const name of value.users) for (const user of named(userMap, name, resource)) user.groups.add(value.group);
  }
  for (const { value, resource } of typed(context, 'aws_iam_user_policy', UserPolicy))
    for (const user of named(userMap, value.user, resource)) user.inline.set(value.name, undefined);
  for (const { value, resource } of typed(context, 'aws_iam_user_policy_attachment', UserAttachment))
    for (const user of named(userMap, value.user, resource)) user.attached.add(value.policy_arn);
  for (const { value, resource } of typed(context, 'aws_iam_group_policy', GroupPolicy)) {
    for (const group of named(groupMap, value.group, resource))
      group.inline.set(value.name, value.policy ? (policyText(value.policy) ?? value.policy) : undefined);
  }
  for (const { value, resource } of typed(context, 'aws_iam_group_policy_attachment', GroupAttachment))
    for (const group of named(groupMap, value.group, resource)) group.attached.add(value.policy_arn);

  const byPlace = (a: { accountId: string; name: string; from: StateResource['from'] }, b: typeof a): number =>
    compareText(a.accountId, b.accountId) || compareText(a.name, b.name) || a.from.line - b.from.line;
  const userFacts = [...userMap.values()].flat().map((user): ActualIamUser => ({
    accountId: user.accountId,
    name: user.name,
    path: user.path,
    groups: [...user.groups].sort(compareText),
    attachedPolicyArns: [...user.attached].sort(compareText),
    inlinePolicies: [...user.inline.keys()].sort(compareText),
    from: user.from,
  }));
  const groupFacts = [...groupMap.values()].flat().map((group): ActualIamGroup => ({
    accountId: group.accountId,
    name: group.name,
    path: group.path,
    attachedPolicyArns: [...group.attached].sort(compareText),
    inlinePolicies: [...group.inline.entries()]
      .map(([name, document]) => ({ name, ...(document !== undefined ? { document } : {}) }))
      .sort((a, b) => compareText(a.name, b.name)),
    from: group.from,
  }));
  const policyFacts = policies.flatMap(({ value, resource }): ActualIamPolicy[] => {
    const accountId = arnAccount(value.arn) ?? fallback ?? unknownAccount(resource);
    if (accountId === undefined) return [];
    const document = value.policy ? (policyText(value.policy) ?? value.policy) : undefined;
    return [
      {
        accountId,
        name: value.name,
        arn: value.arn,
        path: value.path || '/',
        ...(document !== undefined ? { document } : {}),
        from: resource.from,
      },
    ];
  });
  return {
    accountIds: [...new Set([...userFacts, ...groupFacts, ...policyFacts].map((fact) => fact.accountId))].sort(compareText),
    users: userFacts.sort(byPlace),
    groups: groupFacts.sort(byPlace),
    policies: policyFacts.sort((a, b) => compareText(a.arn, b.arn) || a.from.line - b.from.line),
  };
}
