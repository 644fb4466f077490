import { compareText as compare } from '../../util/compare-text';
import { awsAccountStackName, GITHUB_STACK, IDENTITY_CENTER_STACK } from './stack-names';
import type { AccessModel, AwsState, GithubState } from '../types';

/**
 * How many Terraform resources each stack of a sharded synthesis holds, counted from the model the way
 * the constructs render it (src/constructs/aws, src/constructs/github): a base stack keeps what is
 * rendered per role, and each person adds their own resources to the people shard they are placed in.
 * `test/constructs/sharded-stacks.test.ts` holds these counts to the synthesized JSON.
 */

/** What one person adds to the people shard they are placed in. */
export interface PersonLoad {
  readonly personId: string;
  /** Resources of their own: their user and memberships. */
  readonly resources: number;
  /**
   * Data sources they need in their shard, shared with everyone there who needs the same one (one
   * `aws_identitystore_group` lookup per group, however many members it has in the shard). Sorted.
   */
  readonly lookups: readonly string[];
}

/** The stacks that are split: a base stack for the role resources, and people shards. */
export type StackFamilyKind = 'aws-account' | 'identity-center' | 'github';

/** A base stack's own resources and what each person adds to the family's people shards. */
export interface StackFamilyLoad {
  readonly kind: StackFamilyKind;
  /** The account, for an `aws-account` family. */
  readonly account?: string;
  /** The base stack's name. */
  readonly base: string;
  /** Resources of the base stack, people left out. */
  readonly baseResources: number;
  /** People with a resource in this family, sorted by id. */
  readonly people: readonly PersonLoad[];
}

/** Every family of stacks that people shards split: per AWS account or Identity Center, then GitHub. */
export function stackFamilyLoads(model: AccessModel): StackFamilyLoad[] {
  const aws =
    model.aws.mode === 'iam-groups'
      ? model.aws.accounts.map((account) => iamAccountLoad(model.aws, account.name))
      : [identityCenterLoad(model.aws)];
  return [...aws, githubLoad(model.github)];
}

/** The resources of a set of people in one shard: their own, and each lookup they need once. */
export function shardResources(people: readonly PersonLoad[]): number {
  const lookups = new Set<string>();
  let resources = 0;
  for (const person of people) {
    resources += person.resources;
    for (const lookup of person.lookups) lookups.add(lookup);
  }
  return resources + lookups.size;
}

/**
 * iam-groups, one account: per role with access there an `aws_iam_group`, an `aws_iam_group_policy` per
 * inline document, an `aws_iam_policy` and an attachment per managed document, an attachment per
 * existing policy ARN and one for the MFA policy, which is created once when any role is there. Per
 * person with such a role an `aws_iam_user` and an `aws_iam_user_group_membership`.
 */
function iamAccountLoad(aws: AwsState, account: string): StackFamilyLoad {
  const here = aws.roles.flatMap((role) =>
    role.accounts.filter((access) => access.account === account).map((access) => ({ role, access })),
  );
  const mfa = aws.mfaPolicy && here.length > 0 ? 1 : 0;
  let baseResources = mfa;
  for (const { access } of here) {
    const { inline, managed, attachedArns } = access.policies;
    baseResources += 1 + inline.length + 2 * managed.length + attachedArns.length + mfa;
  }
  const roleIds = new Set(here.map(({ role }) => role.roleId));
  const people = aws.users
    .filter((user) => user.roles.some((roleId) => roleIds.has(roleId)))
    .map((user) => ({ personId: user.personId, resources: 2, lookups: [] }));
  return { kind: 'aws-account', account, base: awsAccountStackName(account), baseResources, people: byId(people) };
}

/**
 * identity-center: per role with AWS access an `aws_identitystore_group`, and per account it reaches a
 * permission set, its inline policy, an attachment per managed policy ARN and an account assignment.
 * Per person an `aws_identitystore_user` and a group membership per role; their shard looks each of
 * those groups up once (`data.aws_identitystore_group`).
 */
function identityCenterLoad(aws: AwsState): StackFamilyLoad {
  const roles = aws.roles.filter((role) => role.accounts.length > 0);
  let baseResources = 0;
  const groupsOf = new Map<string, string[]>();
  for (const role of roles) {
    baseResources += 1;
    for (const access of role.accounts) baseResources += 2 + access.policies.inline.length + access.policies.attachedArns.length;
    for (const personId of role.members) groupsOf.set(personId, [...(groupsOf.get(personId) ?? []), role.roleId]);
  }
  const people = aws.users.map((user) => {
    const groups = [...(groupsOf.get(user.personId) ?? [])].sort(compare);
    return { personId: user.personId, resources: 1 + groups.length, lookups: groups };
  });
  return { kind: 'identity-center', base: IDENTITY_CENTER_STACK, baseResources, people: byId(people) };
}

/**
 * GitHub: per team rolecall creates a `github_team` and a `github_team_repository` per repository. Per
 * person a `github_membership` and a `github_team_membership` per team they are in, existing teams too.
 */
function githubLoad(github: GithubState): StackFamilyLoad {
  let baseResources = 0;
  const resources = new Map<string, number>();
  for (const member of github.members) resources.set(member.personId, 1);
  for (const team of github.teams) {
    if (!team.existing) baseResources += 1 + team.repositories.length;
    for (const member of team.members) resources.set(member.personId, (resources.get(member.personId) ?? 0) + 1);
  }
  const people = [...resources.entries()].map(([personId, count]) => ({ personId, resources: count, lookups: [] }));
  return { kind: 'github', base: GITHUB_STACK, baseResources, people: byId(people) };
}

function byId<T extends { readonly personId: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compare(a.personId, b.personId));
}
