import { findCatalogAction, type ActionCatalog } from './action-catalog';
import { compareActions, compareCodeUnits, formatAction, parseAction } from './action-name';
import { actionMatches, hasWildcard, wildcardToRegExp } from './action-pattern';
import type { AccessGrant } from './statement';

/**
 * The explicit actions an access grant stands for: every action of `access.service` whose catalog level is
 * one of `access.levels`, minus those matched by `access.except`, sorted. An unknown service yields nothing
 * (`checkAccess` reports it).
 *
 * `write` does not include tagging or permissions-management actions: ask for `tagging` or `permissions`
 * explicitly (see `CatalogAction.levels`).
 */
export function expandAccess(access: AccessGrant, catalog: ActionCatalog): string[] {
  const service = access.service.toLowerCase();
  const actions = catalog.actions(service) ?? [];
  const levels = new Set(access.levels);
  return actions
    .filter((action) => action.levels.some((level) => levels.has(level)))
    .map((action) => formatAction(service, action.name))
    .filter((action) => !access.except.some((pattern) => actionMatches(pattern, action)))
    .sort(compareActions);
}

/**
 * The catalog actions an action or pattern covers, in AWS's case and sorted: `ec2:Describe*` → every EC2
 * Describe action, `s3:getobject` → `["s3:GetObject"]`, an unknown action → `[]`.
 *
 * `*` (or a wildcard service prefix) reads every service the pattern may cover, which with the file-backed
 * catalog means the whole reference (about 22,000 actions); use {@link summariseWildcard} to show one to a
 * person.
 */
export function expandWildcard(action: string, catalog: ActionCatalog): string[] {
  const parsed = parseAction(action);
  if (parsed === undefined) return [];
  if (!hasWildcard(parsed.service) && !hasWildcard(parsed.name)) {
    const found = findCatalogAction(catalog, parsed.service, parsed.name);
    return found === undefined ? [] : [formatAction(parsed.service.toLowerCase(), found.name)];
  }
  const services = hasWildcard(parsed.service)
    ? catalog.services().filter((service) => wildcardToRegExp(parsed.service).test(service))
    : [parsed.service.toLowerCase()];
  const name = wildcardToRegExp(parsed.name);
  return services
    .flatMap((service) =>
      (catalog.actions(service) ?? []).filter((entry) => name.test(entry.name)).map((entry) => formatAction(service, entry.name)),
    )
    .sort(compareActions);
}

/** What a wildcard pattern covers, shortened for a person to read. */
export interface WildcardSummary {
  readonly pattern: string;
  /** How many catalog actions the pattern covers. */
  readonly total: number;
  /** Actions per service, sorted by service. */
  readonly services: readonly { readonly service: string; readonly count: number }[];
  /** The first `limit` actions in sorted order. */
  readonly sample: readonly string[];
  /** True when `sample` leaves actions out. */
  readonly truncated: boolean;
}

/**
 * Summarises {@link expandWildcard} for review: counts per service and the first `limit` actions, so that
 * `ec2:Describe*` reads as "ec2: 180 actions: DescribeAccountAttributes, …" rather than a wall of text.
 * @param limit how many actions to list. @default 20
 */
export function summariseWildcard(action: string, catalog: ActionCatalog, limit = 20): WildcardSummary {
  const actions = expandWildcard(action, catalog);
  const counts = new Map<string, number>();
  for (const entry of actions) {
    const service = entry.slice(0, entry.indexOf(':'));
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  return {
    pattern: action,
    total: actions.length,
    services: [...counts.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([service, count]) => ({ service, count })),
    sample: actions.slice(0, limit),
    truncated: actions.length > limit,
  };
}
