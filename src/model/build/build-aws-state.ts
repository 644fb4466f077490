import type { Located } from '../../load/roles-bundle';
import { compareText } from '../../load/problem';
import type { CapabilityFile, OrgFile, StatementFile } from '../../schema';
import type { ActionCatalog } from '../iam/action-catalog';
import { placeAccess, placeStatement } from '../iam/place-actions';
import type { AwsAccount, AwsRole, AwsRoleAccount, AwsState, GrantTarget, PersonAccess, Role, Statement } from '../types';
import { mergeStatements, normalizeStatement } from './statements';
import { groupName, permissionSetName, splitName } from './aws-names';
import { compileRolePolicies, type RolePolicies } from './compile-role-policies';
import { objectId } from '../../util/object-memo';
import { mfaPolicy } from './mfa-policy';

/** What a capability grants in one AWS account. */
export type AccountAccess = Pick<Extract<GrantTarget, { backend: 'aws' }>, 'statements' | 'managedPolicyArns' | 'levels' | 'leftOut'>;

/**
 * A capability's AWS statements and managed policies, per account name, sorted by account. Every action
 * stands only on the resources it can act on (`placeStatement`, `placeAccess`); what an access level
 * names but cannot use is kept in `leftOut` for readers.
 */
export function awsByAccount(capability: CapabilityFile, org: OrgFile, catalog: ActionCatalog): [string, AccountAccess][] {
  interface Entry {
    statements: Statement[];
    managed: Set<string>;
    levels: AccountAccess['levels'][number][];
    leftOut: Map<string, AccountAccess['leftOut'][number]>;
  }
  const byAccount = new Map<string, Entry>();
  for (const grant of capability.aws) {
    const accounts = grant.accounts ?? [org.aws.defaultAccount];
    const placed = grant.access.map((access) => ({ access, placement: placeAccess(access, catalog) }));
    const statements = [
      ...grant.statements.flatMap((statement: StatementFile) =>
        placeStatement(statement, catalog).statements.map((placed) => normalizeStatement(placed)),
      ),
      ...placed.flatMap(({ placement }) => placement.statements.map((statement) => normalizeStatement(statement))),
    ].filter((statement) => statement.actions.length > 0);
    for (const account of accounts) {
      const entry: Entry = byAccount.get(account) ?? { statements: [], managed: new Set<string>(), levels: [], leftOut: new Map() };
      entry.statements.push(...statements);
      grant.managedPolicies.forEach((arn) => entry.managed.add(arn));
      for (const { access, placement } of placed) {
        entry.levels.push({ service: access.service, levels: [...access.levels].sort() });
        for (const left of placement.leftOut)
          entry.leftOut.set(left.action.toLowerCase(), { ...left, resources: [...access.resources].sort() });
      }
      byAccount.set(account, entry);
    }
  }
  return [...byAccount.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([account, entry]) => {
      const statements = mergeStatements(entry.statements);
      // An action placed elsewhere in the same account is granted after all, not left out.
      const granted = new Set(statements.flatMap((statement) => statement.actions.map((action) => action.toLowerCase())));
      const leftOut = [...entry.leftOut.entries()]
        .filter(([key]) => !granted.has(key))
        .sort(([a], [b]) => compareText(a, b))
        .map(([, left]) => left);
      return [account, { statements, managedPolicyArns: [...entry.managed].sort(), levels: entry.levels, leftOut }];
    });
}

export function awsState(
  org: OrgFile,
  roles: readonly Role[],
  people: readonly PersonAccess[],
  capabilityFiles: ReadonlyMap<string, Located<CapabilityFile>>,
  awsOf: (capability: CapabilityFile) => readonly [string, AccountAccess][],
): AwsState {
  const accountId = (name: string): string => org.aws.accounts[name]?.id ?? '';
  const awsRoles: AwsRole[] = roles.map((role) => {
    const perAccount = new Map<string, { capabilities: Set<string>; access: AccountAccess[] }>();
    for (const { id } of role.capabilities) {
      const capability = capabilityFiles.get(id);
      if (!capability) continue;
      for (const [account, access] of awsOf(capability.value)) {
        const entry = perAccount.get(account) ?? { capabilities: new Set<string>(), access: [] };
        entry.capabilities.add(id);
        entry.access.push(access);
        perAccount.set(account, entry);
      }
    }
    const reserved = requiresMfaPolicy(org) ? 1 : 0;
    const accounts: AwsRoleAccount[] = [...perAccount.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([account, entry]) => ({
        account,
        accountId: accountId(account),
        capabilities: [...entry.capabilities].sort(),
        permissionSetName: permissionSetName(role.id, account),
        ...compiled(org.aws.mode, reserved, role.id, account, entry.access),
      }));
    return { roleId: role.id, title: role.title, groupName: groupName(role.id), members: role.members, accounts };
  });
  const awsRoleIds = new Set(awsRoles.filter((role) => role.accounts.length > 0).map((role) => role.roleId));
  const users = people
    .filter((person) => person.status === 'active' && person.roles.some((roleId) => awsRoleIds.has(roleId)))
    .map((person) => ({
      personId: person.id,
      userName: person.email.toLowerCase(),
      displayName: person.name,
      ...splitName(person.name),
      email: person.email,
      roles: person.roles.filter((roleId) => awsRoleIds.has(roleId)),
    }));
  const ic = org.aws.identityCenter;
  return {
    mode: org.aws.mode,
    region: org.aws.region,
    path: org.aws.path,
    requireMfa: org.aws.requireMfa,
    ...(requiresMfaPolicy(org) ? { mfaPolicy: mfaPolicy(org.aws.path) } : {}),
    accounts: Object.keys(org.aws.accounts)
      .sort(compareText)
      .map((name) => awsAccount(org, name)),
    ...(ic
      ? {
          identityCenter: {
            instanceArn: ic.instanceArn,
            identityStoreId: ic.identityStoreId,
            sessionDuration: ic.sessionDuration,
            account: awsAccount(org, ic.account),
          },
        }
      : {}),
    roles: awsRoles,
    users,
  };
}

/** The org.yaml account `name`, as the model carries it: the id every provider there is pinned to, and its role. */
export function awsAccount(org: OrgFile, name: string): AwsAccount {
  const account = org.aws.accounts[name];
  if (!account) throw new Error(`internal: the access model needs a known AWS account, got "${name}"`);
  return { name, id: account.id, ...(account.assumeRoleArn ? { assumeRoleArn: account.assumeRoleArn } : {}) };
}

/** In iam-groups mode with requireMfa, every group also carries the MFA policy. */
function requiresMfaPolicy(org: OrgFile): boolean {
  return org.aws.mode === 'iam-groups' && org.aws.requireMfa;
}

// A role's statements and policies in an account follow from its capabilities' access there, which the
// model keeps as shared objects (see buildAccessModel): a second model of the same files (diff's other
// side) compiles only the roles whose access changed.
const compiledCache = new Map<string, Pick<AwsRoleAccount, 'statements' | 'managedPolicyArns'> & RolePolicies>();

function compiled(
  mode: OrgFile['aws']['mode'],
  reserved: number,
  roleId: string,
  account: string,
  access: readonly AccountAccess[],
): Pick<AwsRoleAccount, 'statements' | 'managedPolicyArns'> & RolePolicies {
  const key = `${mode}\u0000${reserved}\u0000${roleId}\u0000${account}\u0000${access.map(objectId).join(',')}`;
  let value = compiledCache.get(key);
  if (value === undefined) {
    const statements = mergeStatements(access.flatMap((entry) => entry.statements));
    const managedPolicyArns = [...new Set(access.flatMap((entry) => entry.managedPolicyArns))].sort();
    value = { statements, managedPolicyArns, ...compileRolePolicies(mode, roleId, statements, managedPolicyArns, reserved) };
    if (compiledCache.size > 50_000) compiledCache.clear();
    compiledCache.set(key, value);
  }
  return value;
}
