import type { Grant, Justification, Role, Statement } from '../model/types';
import type { RepoPermission, RiskLevel } from '../schema';
import type { ExpandedAction } from './expand-action';

/** Where a piece of access comes from: a role, one of its capabilities, its risk and the role's reasons. */
export interface Provider {
  readonly role: string;
  readonly capability: string;
  readonly risk: RiskLevel;
  /** Reason keys (see {@link reasonKey}), sorted. */
  readonly reasons: readonly string[];
}

/** One (account, effect, action, resource, conditions) tuple, or one managed policy in an account. */
export interface AwsTuple {
  readonly key: string;
  readonly kind: 'action' | 'policy';
  readonly account: string;
  readonly accountId: string;
  readonly effect: 'Allow' | 'Deny';
  readonly service: string;
  readonly level: string;
  /** The action, or the managed policy's ARN. */
  readonly action: string;
  /** The resource; empty for a managed policy. */
  readonly resource: string;
  readonly conditions?: string;
}

/** A piece of access and every provider of it. */
export interface Held<T> {
  readonly item: T;
  readonly providers: readonly Provider[];
}

/** A repository permission: the highest any provider asks for, and the providers asking for it. */
export interface HeldRepository {
  readonly name: string;
  readonly permission: RepoPermission;
  readonly providers: readonly Provider[];
}

/** What a role (or a set of roles) grants, as sets keyed for comparison. */
export interface AccessSet {
  readonly aws: ReadonlyMap<string, Held<AwsTuple>>;
  /** By lower-case repository name. */
  readonly repositories: ReadonlyMap<string, HeldRepository>;
  /** Capability teams and existing teams, by slug. */
  readonly teams: ReadonlyMap<string, readonly Provider[]>;
  readonly rotations: ReadonlyMap<string, readonly Provider[]>;
}

/** How the access of a role is read: account ids by name, and action expansion. */
export interface AccessContext {
  readonly accountId: (account: string) => string;
  readonly expand: (action: string) => readonly ExpandedAction[];
}

export const PERMISSION_RANK: Readonly<Record<RepoPermission, number>> = { pull: 0, triage: 1, push: 2, maintain: 3, admin: 4 };

/** The comparable identity of a reason: its kind and its text, whitespace collapsed and case ignored (as quotes are matched). */
export function reasonKey(justification: Justification): string | undefined {
  const { reason } = justification;
  if (reason.kind === 'duty') return `duty\u0000${normalise(reason.quote)}`;
  if (reason.kind === 'baseline') return `baseline\u0000${normalise(reason.reason)}`;
  return undefined;
}

/** Collapses whitespace and ignores case, as quote matching does. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Everything a role grants, as an {@link AccessSet}; computed once per role. */
export function roleAccessSet(role: Role, context: AccessContext): AccessSet {
  const aws = new Map<string, { item: AwsTuple; providers: Provider[] }>();
  const repositories = new Map<string, { name: string; permission: RepoPermission; providers: Provider[] }>();
  const teams = new Map<string, Provider[]>();
  const rotations = new Map<string, Provider[]>();
  for (const grant of role.grants) {
    const provider = providerOf(role.id, grant);
    const target = grant.target;
    if (target.backend === 'aws') {
      const accountId = context.accountId(target.account);
      for (const statement of target.statements) {
        for (const item of statementTuples(statement, target.account, accountId, context)) addProvider(aws, item.key, () => item, provider);
      }
      for (const arn of target.managedPolicyArns) {
        const key = `${accountId}\u0000policy\u0000${arn.toLowerCase()}`;
        const item: AwsTuple = {
          key,
          kind: 'policy',
          account: target.account,
          accountId,
          effect: 'Allow',
          service: 'managed-policy',
          level: 'policy',
          action: arn,
          resource: '',
        };
        addProvider(aws, key, () => item, provider);
      }
    } else if (target.kind === 'repository') {
      const key = target.repository.toLowerCase();
      const held = repositories.get(key);
      if (!held || PERMISSION_RANK[target.permission] > PERMISSION_RANK[held.permission]) {
        repositories.set(key, { name: held?.name ?? target.repository, permission: target.permission, providers: [provider] });
      } else if (held.permission === target.permission) pushProvider(held.providers, provider);
    } else if (target.kind === 'team') pushProvider(mapList(teams, target.team), provider);
    else pushProvider(mapList(rotations, target.rotation), provider);
  }
  return { aws, repositories, teams, rotations };
}

/** The union of several access sets, each piece with every provider of it. */
export function unionAccessSets(sets: readonly AccessSet[]): AccessSet {
  if (sets.length === 1 && sets[0]) return sets[0];
  const aws = new Map<string, { item: AwsTuple; providers: Provider[] }>();
  const repositories = new Map<string, { name: string; permission: RepoPermission; providers: Provider[] }>();
  const teams = new Map<string, Provider[]>();
  const rotations = new Map<string, Provider[]>();
  for (const set of sets) {
    for (const [key, held] of set.aws) for (const provider of held.providers) addProvider(aws, key, () => held.item, provider);
    for (const [key, held] of set.repositories) {
      const seen = repositories.get(key);
      if (!seen || PERMISSION_RANK[held.permission] > PERMISSION_RANK[seen.permission])
        repositories.set(key, { ...held, providers: [...held.providers] });
      else if (seen.permission === held.permission) held.providers.forEach((provider) => pushProvider(seen.providers, provider));
    }
    for (const [slug, providers] of set.teams) providers.forEach((provider) => pushProvider(mapList(teams, slug), provider));
    for (const [id, providers] of set.rotations) providers.forEach((provider) => pushProvider(mapList(rotations, id), provider));
  }
  return { aws, repositories, teams, rotations };
}

/** The empty access set: what a person who is not active holds. */
export const EMPTY_ACCESS: AccessSet = { aws: new Map(), repositories: new Map(), teams: new Map(), rotations: new Map() };

// A capability's statements are shared by every role that holds it: their tuples are built once per
// statement, account and expansion.
const tupleCache = new WeakMap<AccessContext['expand'], WeakMap<Statement, Map<string, readonly AwsTuple[]>>>();

function statementTuples(statement: Statement, account: string, accountId: string, context: AccessContext): readonly AwsTuple[] {
  let byStatement = tupleCache.get(context.expand);
  if (!byStatement) tupleCache.set(context.expand, (byStatement = new WeakMap()));
  let byAccount = byStatement.get(statement);
  if (!byAccount) byStatement.set(statement, (byAccount = new Map()));
  const key = `${account}\u0000${accountId}`;
  let tuples = byAccount.get(key);
  if (!tuples) byAccount.set(key, (tuples = buildTuples(statement, account, accountId, context)));
  return tuples;
}

function buildTuples(statement: Statement, account: string, accountId: string, context: AccessContext): AwsTuple[] {
  const conditions = statement.conditions ? canonicalJson(statement.conditions) : undefined;
  const tuples: AwsTuple[] = [];
  for (const written of statement.actions) {
    for (const action of context.expand(written)) {
      for (const resource of statement.resources) {
        const key = [accountId, statement.effect, action.key, resource, conditions ?? ''].join('\u0000');
        tuples.push({
          key,
          kind: 'action',
          account,
          accountId,
          effect: statement.effect,
          service: action.service,
          level: action.level,
          action: action.action,
          resource,
          ...(conditions ? { conditions } : {}),
        });
      }
    }
  }
  return tuples;
}

/** JSON with object keys sorted at every depth, and arrays of strings sorted: the same conditions, one text. */
export function canonicalJson(value: unknown): string {
  const canonical = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.every((entry) => typeof entry === 'string') ? [...(node as string[])].sort() : node.map(canonical);
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([key, entry]) => [key, canonical(entry)]));
    }
    return node;
  };
  return JSON.stringify(canonical(value));
}

/**
 * True when two roles (one per side, same id) certainly grant the same access set: grant for grant the
 * same id, risk and target object (the model shares targets between models of the same capability and
 * org.yaml objects), in accounts of the same ids, for the same reasons. False means "compare them".
 */
export function sameRoleAccess(
  roleId: string,
  before: Role,
  after: Role,
  beforeContext: AccessContext,
  afterContext: AccessContext,
): boolean {
  if (before.grants.length !== after.grants.length) return false;
  return before.grants.every((grant, index) => {
    const other = after.grants[index];
    if (other === undefined || other.id !== grant.id || other.risk !== grant.risk || other.target !== grant.target) return false;
    if (grant.target.backend === 'aws' && beforeContext.accountId(grant.target.account) !== afterContext.accountId(grant.target.account))
      return false;
    return providerOf(roleId, grant).reasons.join('\n') === providerOf(roleId, other).reasons.join('\n');
  });
}

function providerOf(roleId: string, grant: Grant): Provider {
  const reasons = [
    ...new Set(
      grant.because
        .filter((because) => because.roleId === roleId)
        .map(reasonKey)
        .filter((key): key is string => key !== undefined),
    ),
  ].sort();
  return { role: roleId, capability: grant.capabilityId, risk: grant.risk, reasons };
}

function addProvider(
  map: Map<string, { item: AwsTuple; providers: Provider[] }>,
  key: string,
  item: () => AwsTuple,
  provider: Provider,
): void {
  const held = map.get(key);
  if (!held) {
    map.set(key, { item: item(), providers: [provider] });
    return;
  }
  pushProvider(held.providers, provider);
  // One action spelt two ways (`s3:getobject`, `s3:GetObject`, kept as written without a catalog): show
  // the same spelling whatever order the statements come in.
  const other = item();
  if (other.action < held.item.action) held.item = other;
}

/** Adds a provider unless the same role and capability is there already (two statements of one capability). */
function pushProvider(providers: Provider[], provider: Provider): void {
  if (!providers.some((seen) => seen.role === provider.role && seen.capability === provider.capability)) providers.push(provider);
}

function mapList<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
