import type { ActionCatalog } from './action-catalog';
import { canActOn, coversEverything, resourceTypesOfAction } from './action-resources';
import { expandAccess } from './expand';
import type { AccessGrant, Statement } from './statement';

/** An action that none of its statement's resources fits. */
export interface UnusableAction {
  readonly action: string;
  /** True when the action takes no resource at all: AWS authorizes it only on `"*"`. */
  readonly wildcardOnly: boolean;
}

/** Where a statement's actions can really act. */
export interface Placement {
  /**
   * The statement cut so that each action stands only with the resources it can act on; actions that
   * fit the same resources share a statement. Effect and conditions are kept.
   */
  readonly statements: readonly Statement[];
  /** Actions no resource fits, in the order written. */
  readonly unusable: readonly UnusableAction[];
  /** Resources no action fits, in the order written. */
  readonly unusedResources: readonly string[];
}

/**
 * Places each action of a statement on the resources it can act on (see `canActOn`): an IAM statement
 * that allows an action on a resource of another type allows nothing there, and rolecall shows only
 * what can be used. Pure and order-preserving.
 */
export function placeStatement(statement: Statement, catalog: ActionCatalog): Placement {
  return memoized(statementPlacements, catalog, statement, placeStatementOnce);
}

/** An access level grant's placement, computed once per grant object and catalog (see {@link placeStatement}). */
export function placeAccess(access: AccessGrant, catalog: ActionCatalog): AccessPlacement {
  return memoized(accessPlacements, catalog, access, placeAccessByContent);
}

// The checks, the risk rating and the model all place the same written statements: once is enough.
// Keyed by the objects themselves, so a statement edited into a new object is placed again.
const statementPlacements = new WeakMap<ActionCatalog, WeakMap<Statement, Placement>>();
const accessPlacements = new WeakMap<ActionCatalog, WeakMap<AccessGrant, AccessPlacement>>();

// Capabilities often repeat an access grant word for word (read-only S3 on the same buckets): those
// share one placement, keyed by everything the placement reads.
const accessByContent = new WeakMap<ActionCatalog, Map<string, AccessPlacement>>();

function placeAccessByContent(access: AccessGrant, catalog: ActionCatalog): AccessPlacement {
  let byContent = accessByContent.get(catalog);
  if (!byContent) accessByContent.set(catalog, (byContent = new Map()));
  const key = JSON.stringify([access.service, access.levels, access.except, access.resources, access.wildcardOnly ?? 'omit']);
  let placement = byContent.get(key);
  if (placement === undefined) byContent.set(key, (placement = placeAccessOnce(access, catalog)));
  return placement;
}

function memoized<K extends object, V>(
  cache: WeakMap<ActionCatalog, WeakMap<K, V>>,
  catalog: ActionCatalog,
  key: K,
  compute: (key: K, catalog: ActionCatalog) => V,
): V {
  let byKey = cache.get(catalog);
  if (!byKey) cache.set(catalog, (byKey = new WeakMap()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = compute(key, catalog)));
  return value;
}

function placeStatementOnce(statement: Statement, catalog: ActionCatalog): Placement {
  const groups = new Map<string, { resources: string[]; actions: string[] }>();
  const unusable: UnusableAction[] = [];
  const used = new Set<string>();
  for (const action of statement.actions) {
    const resources = statement.resources.filter((resource) => canActOn(catalog, action, resource));
    if (resources.length === 0) {
      unusable.push({ action, wildcardOnly: resourceTypesOfAction(catalog, action)?.length === 0 });
      continue;
    }
    resources.forEach((resource) => used.add(resource));
    const key = resources.join('\u0000');
    const group = groups.get(key) ?? { resources, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  const statements = [...groups.values()].map((group): Statement => ({
    ...statement,
    actions: group.actions,
    resources: group.resources,
  }));
  return { statements, unusable, unusedResources: statement.resources.filter((resource) => !used.has(resource)) };
}

/** What an access grant (service, levels, resources) comes to once each action is placed. */
export interface AccessPlacement {
  readonly statements: readonly Statement[];
  /** Actions of the levels that are not granted, with why. */
  readonly leftOut: readonly LeftOutAction[];
  /** Resources no action of the levels fits (a mistyped or foreign ARN). */
  readonly unusedResources: readonly string[];
  /** How many actions the levels name before placement (after `except`). */
  readonly expanded: number;
}

/** An action an access grant's levels name but does not grant, and why. */
export interface LeftOutAction {
  readonly action: string;
  readonly why: 'wildcard-only' | 'no-matching-resource';
}

/**
 * Expands an access grant and places every action: actions whose resource types none of the resources
 * can match are left out, and wildcard-only actions go on `"*"` only when the grant says
 * `wildcardOnly: include` (or already lists `"*"`).
 */
function placeAccessOnce(access: AccessGrant, catalog: ActionCatalog): AccessPlacement {
  const actions = expandAccess(access, catalog);
  const placed = placeStatement({ effect: 'Allow', actions, resources: access.resources }, catalog);
  const include = access.wildcardOnly === 'include' && !access.resources.some(coversEverything);
  const onStar = include ? placed.unusable.filter((entry) => entry.wildcardOnly).map((entry) => entry.action) : [];
  const statements =
    onStar.length > 0 ? [...placed.statements, { effect: 'Allow' as const, actions: onStar, resources: ['*'] }] : placed.statements;
  const leftOut = placed.unusable
    .filter((entry) => !(include && entry.wildcardOnly))
    .map((entry): LeftOutAction => ({ action: entry.action, why: entry.wildcardOnly ? 'wildcard-only' : 'no-matching-resource' }));
  return { statements, leftOut, unusedResources: placed.unusedResources, expanded: actions.length };
}
