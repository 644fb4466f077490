import type { RiskLevel } from '../../schema/capabilities';
import { findCatalogAction, type ActionCatalog } from './action-catalog';
import { compareActions, compareCodeUnits, parseAction } from './action-name';
import { hasWildcard } from './action-pattern';
import { ESCALATION_RULES, type EscalationRule } from './escalation-rules';
import { accessToStatement, expandWildcard } from './expand';
import { managedPolicyRisk } from './managed-policy-risk';
import { isBroadResource } from './resource';
import { riskRank, type ComputedRisk, type RiskCategory, type RiskReason } from './risk-types';
import type { AccessGrant, PolicyStatement } from './statement';

/** What a capability grants in AWS, flattened over its accounts. */
export interface RiskInput {
  /** @default [] */
  readonly statements?: readonly PolicyStatement[];
  /** @default [] */
  readonly access?: readonly AccessGrant[];
  /** Managed policy ARNs. @default [] */
  readonly managedPolicies?: readonly string[];
}

/**
 * Reads of data or secrets that are risky on every resource, with their level. Secrets rate high because
 * they usually unlock more access; bulk data reads rate medium. Deliberately short: the common ways to read
 * everything, not every Get action.
 */
export const DATA_READ_ACTIONS: Readonly<Record<string, RiskLevel>> = {
  'dynamodb:BatchGetItem': 'medium',
  'dynamodb:GetItem': 'medium',
  'dynamodb:Query': 'medium',
  'dynamodb:Scan': 'medium',
  'kms:Decrypt': 'medium',
  's3:GetObject': 'medium',
  's3:GetObjectVersion': 'medium',
  'secretsmanager:BatchGetSecretValue': 'high',
  'secretsmanager:GetSecretValue': 'high',
  'sqs:ReceiveMessage': 'medium',
  'ssm:GetParameter': 'high',
  'ssm:GetParameterHistory': 'high',
  'ssm:GetParameters': 'high',
  'ssm:GetParametersByPath': 'high',
};

const DATA_READ_BY_NAME: ReadonlyMap<string, RiskLevel> = new Map(
  Object.entries(DATA_READ_ACTIONS).map(([action, level]) => [action.toLowerCase(), level]),
);

/** Action name starts that destroy what they touch. */
const DESTRUCTIVE = /^(Delete|Destroy|Purge|Terminate)/i;

const CATEGORY_ORDER: readonly RiskCategory[] = [
  'privilege-escalation',
  'broad',
  'permissions-management',
  'data-exfiltration',
  'destructive',
  'unreviewed-policy',
];

/** One allowed action with every resource it is allowed on. */
interface Allowed {
  readonly action: string;
  readonly resources: Set<string>;
}

/**
 * Computes a capability's risk from what it allows, after expanding wildcards and access levels:
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
 * A broad resource is `*` or an ARN that covers all resources of a type (see `isBroadResource`).
 * Deny statements are ignored: they are not risky, and rolecall does not subtract them because an
 * identity-policy deny says nothing about the other policies a principal may have. Conditions are not
 * evaluated either: a condition may narrow a statement, which is what the acceptance reason is for.
 * The lone `*` is not expanded (that would read the whole catalog): its `broad` reason says it covers
 * everything, including every escalation.
 */
export function computeRisk(input: RiskInput, catalog: ActionCatalog): ComputedRisk {
  const statements: readonly PolicyStatement[] = [
    ...(input.statements ?? []),
    ...(input.access ?? []).map((access) => accessToStatement(access, catalog)),
  ];
  const allowed = new Map<string, Allowed>();
  const wildcards = new Map<string, Set<string>>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    for (const action of statement.actions) {
      const parsed = parseAction(action);
      if (action === '*' || (parsed !== undefined && parsed.name === '*')) {
        addAll(wildcards, parsed === undefined || action === '*' ? '*' : `${parsed.service.toLowerCase()}:*`, statement.resources);
      }
      if (action === '*') continue;
      const expanded = expandWildcard(action, catalog);
      for (const name of expanded.length > 0 || hasWildcard(action) ? expanded : [action]) {
        const key = name.toLowerCase();
        const entry = allowed.get(key) ?? { action: name, resources: new Set<string>() };
        statement.resources.forEach((resource) => entry.resources.add(resource));
        allowed.set(key, entry);
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
  return { level, reasons };
}

function broadReasons(wildcards: ReadonlyMap<string, ReadonlySet<string>>): RiskReason[] {
  return [...wildcards.entries()].map(([pattern, resources]) => {
    const wide = [...resources].some(isBroadResource);
    const what = pattern === '*' ? 'every action of every service, including every privilege escalation' : `every ${pattern.slice(0, -2)} action`;
    return reason('broad', wide ? 'high' : 'medium', [pattern], resources, `allows ${what}${wide ? ' on every resource' : ''}`);
  });
}

function escalation(rule: EscalationRule, allowed: ReadonlyMap<string, Allowed>): RiskReason[] {
  const resources = new Set<string>();
  for (const action of rule.actions) {
    const entry = allowed.get(action.toLowerCase());
    if (entry === undefined) return [];
    let usable = [...entry.resources];
    if (rule.onAnyResource?.includes(action)) usable = usable.filter(isBroadResource);
    if (rule.exceptOwnUser === true) usable = usable.filter((resource) => !resource.includes('${aws:username}'));
    if (usable.length === 0) return [];
    usable.forEach((resource) => resources.add(resource));
  }
  return [reason('privilege-escalation', 'high', rule.actions, resources, `${rule.why} (${rule.id})`)];
}

/** Permissions-management, data-exfiltration and destructive reasons, grouped by level. */
function levelReasons(allowed: ReadonlyMap<string, Allowed>, catalog: ActionCatalog): RiskReason[] {
  const groups = new Map<string, { category: RiskCategory; level: RiskLevel; why: string; actions: Set<string>; resources: Set<string> }>();
  const add = (category: RiskCategory, level: RiskLevel, why: string, action: string, resources: Iterable<string>): void => {
    const key = `${category}/${level}`;
    const group = groups.get(key) ?? { category, level, why, actions: new Set<string>(), resources: new Set<string>() };
    group.actions.add(action);
    for (const resource of resources) group.resources.add(resource);
    groups.set(key, group);
  };
  for (const { action, resources } of allowed.values()) {
    const broad = [...resources].filter(isBroadResource);
    const parsed = parseAction(action);
    const levels = parsed === undefined ? undefined : findCatalogAction(catalog, parsed.service, parsed.name)?.levels;
    if (levels?.includes('permissions') === true) {
      if (broad.length > 0) add('permissions-management', 'high', 'changes who may do what, on every resource', action, broad);
      else add('permissions-management', 'medium', 'changes who may do what on the named resources', action, resources);
    }
    if (broad.length === 0) continue;
    const dataLevel = DATA_READ_BY_NAME.get(action.toLowerCase());
    if (dataLevel === 'high') add('data-exfiltration', 'high', 'reads every secret value', action, broad);
    if (dataLevel === 'medium') add('data-exfiltration', 'medium', 'reads all data of its kind', action, broad);
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

function addAll(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  const set = map.get(key) ?? new Set<string>();
  values.forEach((value) => set.add(value));
  map.set(key, set);
}

function compareReasons(a: RiskReason, b: RiskReason): number {
  return (
    riskRank(b.level) - riskRank(a.level) ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    compareCodeUnits(a.actions.join(','), b.actions.join(',')) ||
    compareCodeUnits(a.why, b.why)
  );
}
