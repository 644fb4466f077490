import type { RepoPermission } from '../schema';
import type { AccessModel } from '../model/types';

/**
 * What the model says should exist, in the shape of the exports (actual.ts), so that drift is a
 * comparison of two sets of the same facts. A projection of the model, no decision of its own.
 */
export interface ExpectedIamAccount {
  readonly accountId: string;
  readonly accountName: string;
  /** rolecall's groups by lower-cased name (IAM names are case-insensitive): the role, inline documents by policy name, attached policy ARNs. */
  readonly groups: ReadonlyMap<
    string,
    {
      readonly name: string;
      readonly roleId: string;
      readonly inline: ReadonlyMap<string, string>;
      readonly attachedArns: ReadonlySet<string>;
    }
  >;
  /** rolecall's users by lower-cased user name, with the lower-cased names of the groups the model puts them in. */
  readonly users: ReadonlyMap<string, { readonly name: string; readonly personId: string; readonly groups: ReadonlySet<string> }>;
  /** Customer-managed policies rolecall creates, by ARN, with their documents. */
  readonly policies: ReadonlyMap<string, string>;
}

/** The GitHub organisation as the model has it. */
export interface ExpectedGithub {
  /** Members by lower-cased login. */
  readonly members: ReadonlyMap<string, { readonly personId: string; readonly role: 'admin' | 'member' }>;
  /** Teams by slug (lower case): whether rolecall created it, members by lower-cased login, repositories. */
  readonly teams: ReadonlyMap<
    string,
    {
      readonly existing: boolean;
      readonly members: ReadonlyMap<string, { readonly personId: string; readonly role: 'maintainer' | 'member' }>;
      readonly repositories: ReadonlyMap<string, RepoPermission>;
    }
  >;
}

/** Identity Center as the model has it (identity-center mode). */
export interface ExpectedIdentityCenter {
  /** Users by user name, with the person. */
  readonly users: ReadonlyMap<string, string>;
  /** Groups by display name: the role and its members' user names. */
  readonly groups: ReadonlyMap<string, { readonly roleId: string; readonly members: ReadonlySet<string> }>;
  /** Permission sets by name: the group they are assigned to and the account id. */
  readonly permissionSets: ReadonlyMap<string, { readonly group: string; readonly accountId: string }>;
}

/**
 * The model's expected IAM facts, one entry per account of org.yaml, by account id. In identity-center
 * mode rolecall creates no IAM users, groups or policies, so every account expects none.
 */
export function expectedIam(model: AccessModel): ReadonlyMap<string, ExpectedIamAccount> {
  const result = new Map<string, ExpectedIamAccount>();
  const userNames = new Map(model.aws.users.map((user) => [user.personId, user.userName]));
  for (const account of model.aws.accounts) {
    const groups = new Map<string, { name: string; roleId: string; inline: Map<string, string>; attachedArns: Set<string> }>();
    const policies = new Map<string, string>();
    const users = new Map<string, { name: string; personId: string; groups: Set<string> }>();
    const policyArn = (name: string): string => `arn:aws:iam::${account.id}:policy${model.aws.path}${name}`;
    for (const role of model.aws.mode === 'iam-groups' ? model.aws.roles : []) {
      const access = role.accounts.find((candidate) => candidate.account === account.name);
      if (!access) continue;
      const attachedArns = new Set(access.policies.attachedArns);
      for (const document of access.policies.managed) {
        policies.set(policyArn(document.name), document.document);
        attachedArns.add(policyArn(document.name));
      }
      if (model.aws.mfaPolicy) attachedArns.add(policyArn(model.aws.mfaPolicy.name));
      groups.set(role.groupName.toLowerCase(), {
        name: role.groupName,
        roleId: role.roleId,
        inline: new Map(access.policies.inline.map((document) => [document.name, document.document])),
        attachedArns,
      });
      for (const personId of role.members) {
        const userName = userNames.get(personId);
        if (userName === undefined) continue;
        const user = users.get(userName.toLowerCase()) ?? { name: userName, personId, groups: new Set<string>() };
        user.groups.add(role.groupName.toLowerCase());
        users.set(userName.toLowerCase(), user);
      }
    }
    if (model.aws.mfaPolicy && groups.size > 0) policies.set(policyArn(model.aws.mfaPolicy.name), model.aws.mfaPolicy.document);
    result.set(account.id, { accountId: account.id, accountName: account.name, groups, users, policies });
  }
  return result;
}

/** The model's GitHub organisation, logins and slugs lower-cased (GitHub compares them so). */
export function expectedGithub(model: AccessModel): ExpectedGithub {
  const members = new Map(
    model.github.members.map((member) => [member.login.toLowerCase(), { personId: member.personId, role: member.role }]),
  );
  const teams = new Map(
    model.github.teams.map((team) => [
      team.slug.toLowerCase(),
      {
        existing: team.existing === true,
        members: new Map(team.members.map((member) => [member.login.toLowerCase(), { personId: member.personId, role: member.role }])),
        repositories: new Map(team.repositories.map((repository) => [repository.name.toLowerCase(), repository.permission])),
      },
    ]),
  );
  return { members, teams };
}

/** The model's Identity Center users, groups and permission sets (identity-center mode), else undefined. */
export function expectedIdentityCenter(model: AccessModel): ExpectedIdentityCenter | undefined {
  if (model.aws.mode !== 'identity-center') return undefined;
  const userNames = new Map(model.aws.users.map((user) => [user.personId, user.userName]));
  const groups = new Map<string, { roleId: string; members: Set<string> }>();
  const permissionSets = new Map<string, { group: string; accountId: string }>();
  for (const role of model.aws.roles) {
    if (role.accounts.length === 0) continue;
    groups.set(role.groupName, {
      roleId: role.roleId,
      members: new Set(role.members.flatMap((personId) => userNames.get(personId) ?? [])),
    });
    for (const access of role.accounts)
      permissionSets.set(access.permissionSetName, { group: role.groupName, accountId: access.accountId });
  }
  return { users: new Map(model.aws.users.map((user) => [user.userName, user.personId])), groups, permissionSets };
}
