import type { RiskLevel } from '../../schema/capabilities';
import { findCatalogAction, type ActionCatalog } from './action-catalog';
import { compareActions, compareCodeUnits, parseAction } from './action-name';
import { hasWildcard } from './action-pattern';
import { canActOn, coversEverything, isBroadFor } from './action-resources';
import { readConditions, type ConditionNote } from './conditions';
import { ESCALATION_RULES, type EscalationRule } from './escalation-rules';
import { expandWildcard } from './expand';
import { managedPolicyRisk } from './managed-policy-risk';
import { isBroadResource } from './resource';
import { riskRank, type ComputedRisk, type RiskCategory, type RiskReason } from './risk-types';
import { placeAccess, placeStatement } from './place-actions';
import type { AccessGrant, Statement } from './statement';

/** What a capability grants in AWS, flattened over its accounts. */
export interface RiskInput {
  /** @default [] */
  readonly statements?: readonly Statement[];
  /** @default [] */
  readonly access?: readonly AccessGrant[];
  /** Managed policy ARNs. @default [] */
  readonly managedPolicies?: readonly string[];
}

/**
 * Reads of data or secrets that are risky on every resource, with their level. Object data, items,
 * secrets, parameters and decryption on all resources are high: they read everything the organisation
 * stores of that kind. Messages and log events rate medium. Case does not matter (IAM ignores it).
 */
export const DATA_READ_ACTIONS: Readonly<Record<string, { readonly level: RiskLevel; readonly reads: string }>> = {
  'athena:GetQueryResults': { level: 'medium', reads: 'the results of every query' },
  'dynamodb:BatchGetItem': { level: 'high', reads: 'the items of every table' },
  'dynamodb:ExportTableToPointInTime': { level: 'high', reads: 'the items of every table' },
  'dynamodb:GetItem': { level: 'high', reads: 'the items of every table' },
  'dynamodb:PartiQLSelect': { level: 'high', reads: 'the items of every table' },
  'dynamodb:Query': { level: 'high', reads: 'the items of every table' },
  'dynamodb:Scan': { level: 'high', reads: 'the items of every table' },
  'ec2:GetPasswordData': { level: 'high', reads: 'the administrator password of every Windows instance' },
  'ecr:BatchGetImage': { level: 'medium', reads: 'every container image' },
  'ecr:GetDownloadUrlForLayer': { level: 'medium', reads: 'every container image' },
  'kinesis:GetRecords': { level: 'medium', reads: 'the records of every stream' },
  'kms:Decrypt': { level: 'high', reads: 'everything encrypted with any key' },
  'lambda:GetFunction': { level: 'medium', reads: 'the code of every function' },
  'logs:FilterLogEvents': { level: 'medium', reads: 'the events of every log group' },
  'logs:GetLogEvents': { level: 'medium', reads: 'the events of every log group' },
  'rds-data:ExecuteStatement': { level: 'high', reads: 'the data of every database' },
  's3:GetObject': { level: 'high', reads: 'the objects of every bucket' },
  's3:GetObjectVersion': { level: 'high', reads: 'the objects of every bucket' },
  'secretsmanager:BatchGetSecretValue': { level: 'high', reads: 'every secret value' },
  'secretsmanager:GetSecretValue': { level: 'high', reads: 'every secret value' },
  'sqs:ReceiveMessage': { level: 'medium', reads: 'the messages of every queue' },
  'ssm:GetParameter': { level: 'high', reads: 'every parameter, secure strings included' },
  'ssm:GetParameterHistory': { level: 'high', reads: 'every parameter, secure strings included' },
  'ssm:GetParameters': { level: 'high', reads: 'every parameter, secure strings included' },
  'ssm:GetParametersByPath': { level: 'high', reads: 'every parameter, secure strings included' },
};

const DATA_READ_BY_NAME: ReadonlyMap<string, { readonly level: RiskLevel; readonly reads: string }> = new Map(
  Object.entries(DATA_READ_ACTIONS).map(([action, rating]) => [action.toLowerCase(), rating]),
);

/** Action name starts that destroy what they touch. */
const DESTRUCTIVE = /^(Delete|Destroy|Purge|Terminate)/i;

const CATEGORY_ORDER: readonly RiskCategory[] = [
  'privilege-escalation',
  'broad',
  'permissions-management',
  'repository-admin',
  'data-exfiltration',
  'destructive',
  'repository-maintain',
  'unreviewed-policy',
];

/** One allowed action with every resource it can act on, and those of them that reach all of a type. */
interface Allowed {
  readonly action: string;
  readonly resources: Set<string>;
  /** Resources that cover every resource of a type the action acts on, under no narrowing condition. */
  readonly broad: Set<string>;
}

/**
 * Computes a capability's risk from what it allows, after placing every action on the resources it can
 * act on (see `placeStatement`) and expanding wildcards and access levels:
 *
 * | category | when | level |
 * |---|---|---|
 * | privilege-escalation | every action of an {@link ESCALATION_RULES} rule is allowed | high |
 * | broad | `*` or `service:*` | high on a broad resource, else medium |
 * | permissions-management | an action of level `permissions` | high on a broad resource, else medium |
 * | data-exfiltration | a {@link DATA_READ_ACTIONS} action on a broad resource | its level |
 * | destructive | Delete/Destroy/Purge/Terminate writes on a broad resource | medium |
 * | (managed policy) | see `MANAGED_POLICY_RATINGS` | its rating |
 *
 * A broad resource covers every resource of a type the action acts on, however it is spelt (`role/*`,
 * `role*`, `role/?*`, `*`: see `isBroadFor`), unless the statement carries a condition that narrows the
 * resources (resource tags, resource account, S3 prefix: see `readConditions`). Deny statements are
 * ignored: an identity-policy deny says nothing about the other policies a principal may have. The lone
 * `*` is not expanded (that would read the whole catalog): its `broad` reason covers every escalation.
 */
export function computeRisk(input: RiskInput, catalog: ActionCatalog): ComputedRisk {
  const statements: readonly Statement[] = [
    ...(input.statements ?? []).flatMap((statement) => placeStatement(statement, catalog).statements),
    ...(input.access ?? []).flatMap((access) => placeAccess(access, catalog).statements),
  ];
  const allowed = new Map<string, Allowed>();
  const wildcards = new Map<string, Allowed>();
  const notes = new Map<string, ConditionNote>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    const conditions = readConditions(statement.conditions);
    conditions.notes.forEach((note) => notes.set(`${note.condition}\u0000${note.effect}`, note));
    for (const action of statement.actions) {
      const parsed = parseAction(action);
      if (action === '*' || (parsed !== undefined && parsed.name === '*')) {
        const key = parsed === undefined || action === '*' ? '*' : `${parsed.service.toLowerCase()}:*`;
        record(wildcards, key, statement.resources, conditions.narrowsResources, (resource) => wildcardIsBroad(catalog, key, resource));
      }
      if (action === '*') continue;
      const expanded = expandWildcard(action, catalog);
      for (const name of expanded.length > 0 || hasWildcard(action) ? expanded : [action]) {
        const usable = statement.resources.filter((resource) => canActOn(catalog, name, resource));
        record(allowed, name, usable, conditions.narrowsResources, (resource) => isBroadFor(catalog, name, resource));
      }
    }
  }
  const reasons: RiskReason[] = [
    ...broadReasons(wildcards),
    ...ESCALATION_RULES.flatMap((rule) => escalation(rule, allowed)),
    ...levelReasons(allowed, catalog),
    ...[...new Set(input.managedPolicies ?? [])].map(managedPolicyRisk),
  ].sort(compareReasons);
  const level = reasons.reduce<RiskLevel>((max, reason) => (riskRank(reason.level) > riskRank(max) ? reason.level : max), 'low');
  const conditions = [...notes.values()].sort((a, b) => compareCodeUnits(a.condition, b.condition) || compareCodeUnits(a.effect, b.effect));
  return conditions.length === 0 ? { level, reasons } : { level, reasons, conditions };
}

function record(
  into: Map<string, Allowed>,
  action: string,
  resources: readonly string[],
  narrowed: boolean,
  broad: (resource: string) => boolean,
): void {
  if (resources.length === 0) return;
  const key = action.toLowerCase();
  const entry = into.get(key) ?? { action, resources: new Set<string>(), broad: new Set<string>() };
  for (const resource of resources) {
    entry.resources.add(resource);
    if (!narrowed && broad(resource)) entry.broad.add(resource);
  }
  into.set(key, entry);
}

/** `*` on a resource that covers everything, or `service:*` on all resources of a type of the service. */
function wildcardIsBroad(catalog: ActionCatalog, pattern: string, resource: string): boolean {
  if (coversEverything(resource) || isBroadResource(resource)) return true;
  return pattern !== '*' && expandWildcard(pattern, catalog).some((action) => isBroadFor(catalog, action, resource));
}

function broadReasons(wildcards: ReadonlyMap<string, Allowed>): RiskReason[] {
  return [...wildcards.entries()].map(([pattern, { resources, broad }]) => {
    const wide = broad.size > 0;
    const what =
      pattern === '*' ? 'every action of every service, including every privilege escalation' : `every ${pattern.slice(0, -2)} action`;
    return reason('broad', wide ? 'high' : 'medium', [pattern], resources, `allows ${what}${wide ? ' on every resource' : ''}`);
  });
}

/**
 * The rule's reason: high when every action is allowed, on a broad resource where the rule demands one;
 * medium when those actions reach only named resources (a named role to pass or assume, tagged instances
 * to open a shell on): the holder acts with permissions rolecall cannot see, but not with any at all.
 */
function escalation(rule: EscalationRule, allowed: ReadonlyMap<string, Allowed>): RiskReason[] {
  const resources = new Set<string>();
  const named = new Set<string>();
  for (const action of rule.actions) {
    const entry = allowed.get(action.toLowerCase());
    if (entry === undefined) return [];
    let usable = [...entry.resources];
    if (rule.exceptOwnUser === true) usable = usable.filter((resource) => !resource.includes('${aws:username}'));
    if (rule.onAnyResource?.includes(action)) {
      usable.filter((resource) => !entry.broad.has(resource)).forEach((resource) => named.add(resource));
      usable = usable.filter((resource) => entry.broad.has(resource));
    }
    if (usable.length === 0) {
      if (rule.onAnyResource?.includes(action) && named.size > 0) continue;
      return [];
    }
    usable.forEach((resource) => resources.add(resource));
  }
  const broadEverywhere = (rule.onAnyResource ?? []).every((action) => (allowed.get(action.toLowerCase())?.broad.size ?? 0) > 0);
  if (broadEverywhere) return [reason('privilege-escalation', 'high', rule.actions, resources, `${rule.why} (${rule.id})`)];
  return [
    reason(
      'privilege-escalation',
      'medium',
      rule.actions,
      [...resources, ...named],
      `can act with the permissions of the named resources, which rolecall cannot see (${rule.id}, limited to them)`,
    ),
  ];
}

/** Permissions-management, data-exfiltration and destructive reasons, grouped by level. */
function levelReasons(allowed: ReadonlyMap<string, Allowed>, catalog: ActionCatalog): RiskReason[] {
  const groups = new Map<string, { category: RiskCategory; level: RiskLevel; why: string; actions: Set<string>; resources: Set<string> }>();
  const add = (category: RiskCategory, level: RiskLevel, why: string, action: string, resources: Iterable<string>): void => {
    const key = `${category}/${level}/${why}`;
    const group = groups.get(key) ?? { category, level, why, actions: new Set<string>(), resources: new Set<string>() };
    group.actions.add(action);
    for (const resource of resources) group.resources.add(resource);
    groups.set(key, group);
  };
  for (const { action, resources, broad: wide } of allowed.values()) {
    const broad = [...wide];
    const parsed = parseAction(action);
    const levels = parsed === undefined ? undefined : findCatalogAction(catalog, parsed.service, parsed.name)?.levels;
    if (levels?.includes('permissions') === true) {
      if (broad.length > 0) add('permissions-management', 'high', 'changes who may do what, on every resource', action, broad);
      else add('permissions-management', 'medium', 'changes who may do what on the named resources', action, resources);
    }
    if (broad.length === 0) continue;
    const data = DATA_READ_BY_NAME.get(action.toLowerCase());
    if (data !== undefined) add('data-exfiltration', data.level, `reads ${data.reads}`, action, broad);
    const readOnly = levels !== undefined && levels.length > 0 && levels.every((level) => level === 'list' || level === 'read');
    if (parsed !== undefined && DESTRUCTIVE.test(parsed.name) && !readOnly) {
      add('destructive', 'medium', 'deletes or terminates any resource of its kind', action, broad);
    }
  }
  return [...groups.values()].map((group) => reason(group.category, group.level, group.actions, group.resources, group.why));
}

function reason(category: RiskCategory, level: RiskLevel, actions: Iterable<string>, resources: Iterable<string>, why: string): RiskReason {
  return {
    category,
    level,
    actions: [...new Set(actions)].sort(compareActions),
    resources: [...new Set(resources)].sort(compareCodeUnits),
    why,
  };
}

function compareReasons(a: RiskReason, b: RiskReason): number {
  return (
    riskRank(b.level) - riskRank(a.level) ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    compareCodeUnits(a.actions.join(','), b.actions.join(',')) ||
    compareCodeUnits(a.why, b.why)
  );
}
