import type { ActionCatalog } from './action-catalog';
import { compareCodeUnits, parseAction } from './action-name';
import { describeResourceTypes, resourceTypesOfAction } from './action-resources';
import { expandWildcard } from './expand';
import type { Severity } from '../../load/problem';
import { placeAccess, placeStatement } from './place-actions';
import type { AccessGrant, Statement } from './statement';

/** A placement problem; `field` and `index` say where in the statement or access grant. */
export interface PlacementFinding {
  readonly severity: Severity;
  readonly field: 'actions' | 'resources';
  readonly index?: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Checks an explicit statement: each action must be able to act on at least one of its resources, and
 * each resource must be of a type one of its actions acts on. Otherwise the policy grants (or, for a
 * Deny, forbids) nothing there, which is never what its author meant (Parliament's RESOURCE_MISMATCH).
 */
export function checkStatementPlacement(statement: Statement, catalog: ActionCatalog): PlacementFinding[] {
  const placement = placeStatement(statement, catalog);
  const what = statement.effect === 'Deny' ? 'denies nothing' : 'grants nothing';
  const findings: PlacementFinding[] = placement.unusable.map(({ action, wildcardOnly }) => ({
    severity: 'error',
    field: 'actions',
    index: statement.actions.indexOf(action),
    message: `${action} can act on none of the statement's resources, so the statement ${what} with it: it takes ${describe(catalog, action)}`,
    hint: wildcardOnly
      ? 'put it in a statement with resources: ["*"]'
      : 'add a resource of one of those types, or move the action to a statement that has one',
  }));
  for (const resource of placement.unusedResources) {
    if (placement.unusable.length === statement.actions.length) break;
    findings.push({
      severity: 'error',
      field: 'resources',
      index: statement.resources.indexOf(resource),
      message: `resource ${JSON.stringify(resource)} is of no type the statement's actions act on${foreignService(resource, statement.actions)}`,
      hint: `the actions take ${typesOf(catalog, statement.actions)}`,
    });
  }
  return findings;
}

/**
 * Checks an access grant: something must be left once every action of the levels is placed, and every
 * resource must be of a type some action of the levels acts on. Actions left out are not problems here:
 * `explain` lists them.
 */
export function checkAccessPlacement(access: AccessGrant, catalog: ActionCatalog): PlacementFinding[] {
  const placement = placeAccess(access, catalog);
  if (placement.expanded === 0) return [];
  const levels = access.levels.join(', ');
  const service = access.service.toLowerCase();
  const actions = placement.leftOut.map((left) => left.action);
  if (placement.statements.length === 0) {
    const onlyWildcard = placement.leftOut.every((left) => left.why === 'wildcard-only');
    return [
      {
        severity: 'error',
        field: 'resources',
        message: `none of the ${placement.expanded} ${levels} actions of ${service} can act on these resources${foreignService(access.resources[0] ?? '', [`${service}:x`])}`,
        hint: onlyWildcard
          ? 'they take no resource: use resources: ["*"], or wildcardOnly: include'
          : `${service} actions of these levels take ${typesOf(catalog, actions)}`,
      },
    ];
  }
  return placement.unusedResources.map((resource) => ({
    severity: 'error',
    field: 'resources',
    index: access.resources.indexOf(resource),
    message: `resource ${JSON.stringify(resource)} is of no type the ${levels} actions of ${service} act on${foreignService(resource, [`${service}:x`])}`,
    hint: `they take ${typesOf(catalog, expandAllOf(actions, catalog))}`,
  }));
}

function describe(catalog: ActionCatalog, action: string): string {
  const covered = expandWildcard(action, catalog);
  const first = covered[0];
  return covered.length > 1 || (first !== undefined && first.toLowerCase() !== action.toLowerCase())
    ? `${typesOf(catalog, covered)} (the actions it covers)`
    : describeResourceTypes(catalog, action);
}

/** The distinct resource types a list of actions takes, shortened: `cluster (arn:…), nodegroup (arn:…)`. */
function typesOf(catalog: ActionCatalog, actions: readonly string[], shown = 4): string {
  const types = new Map<string, string>();
  let wildcardOnly = false;
  for (const action of actions) {
    const found = resourceTypesOfAction(catalog, action);
    if (found?.length === 0) wildcardOnly = true;
    for (const type of found ?? []) types.set(type.arn, `${type.name} (${type.arn})`);
  }
  const parts = [...types.values()].sort(compareCodeUnits);
  if (wildcardOnly) parts.push('no resource ("*" only)');
  if (parts.length === 0) return 'resource types rolecall does not know';
  return `${parts.slice(0, shown).join(', ')}${parts.length > shown ? ` and ${parts.length - shown} more` : ''}`;
}

function expandAllOf(actions: readonly string[], catalog: ActionCatalog): string[] {
  return actions.flatMap((action) => expandWildcard(action, catalog));
}

/** `: it is an eks ARN` when the resource's service is none of the actions' services. */
function foreignService(resource: string, actions: readonly string[]): string {
  const service = resource.split(':')[2];
  if (!resource.startsWith('arn:') || service === undefined || service === '' || /[*?]/.test(service)) return '';
  const services = new Set(actions.map((action) => parseAction(action)?.service.toLowerCase()));
  return services.has(service) ? '' : `: it is an ARN of ${service}`;
}
