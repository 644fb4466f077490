import { findCatalogAction, type ActionCatalog } from '../model/iam/action-catalog';
import { parseAction } from '../model/iam/action-name';
import { hasWildcard } from '../model/iam/action-pattern';
import { expandWildcard } from '../model/iam/expand';

/** One explicit action, as the diff compares and shows it. */
export interface ExpandedAction {
  /** The action in AWS's case when the catalog knows it, else as written. */
  readonly action: string;
  /** Lower case: IAM compares action names ignoring case. */
  readonly key: string;
  readonly service: string;
  /** The catalog's first access level, `all` for a wildcard kept as written, `unknown` when the catalog lacks the action. */
  readonly level: string;
}

/**
 * A memoised function from an action as written to the explicit actions it stands for. A wildcard in the
 * action name of a known service (`ec2:Describe*`, `s3:*`) is expanded from the catalog, so `s3:*` and the
 * list of every S3 action compare equal; a wildcard service (`*`, `s3*:Get*`) is kept as written, lower
 * case, since expanding it would mean every action AWS has. Without a catalog actions are only normalised.
 */
export function actionExpander(catalog?: ActionCatalog): (action: string) => readonly ExpandedAction[] {
  const memo = new Map<string, readonly ExpandedAction[]>();
  return (action) => {
    let expanded = memo.get(action);
    if (expanded === undefined) {
      expanded = expand(action, catalog);
      memo.set(action, expanded);
    }
    return expanded;
  };
}

function expand(action: string, catalog: ActionCatalog | undefined): readonly ExpandedAction[] {
  const parsed = parseAction(action);
  if (parsed === undefined || hasWildcard(parsed.service))
    return [{ action: action.toLowerCase(), key: action.toLowerCase(), service: '*', level: 'all' }];
  const service = parsed.service.toLowerCase();
  if (catalog === undefined || catalog.actions(service) === undefined)
    return [asWritten(action, service, hasWildcard(parsed.name) ? 'all' : 'unknown')];
  const names = hasWildcard(parsed.name) ? expandWildcard(action, catalog) : [action];
  const found = names.map((name) => {
    const entry = findCatalogAction(catalog, service, name.slice(name.indexOf(':') + 1));
    return entry === undefined
      ? asWritten(name, service, 'unknown')
      : { action: `${service}:${entry.name}`, key: `${service}:${entry.name}`.toLowerCase(), service, level: entry.levels[0] ?? 'unknown' };
  });
  return found.length > 0 ? found : [asWritten(action, service, 'all')];
}

function asWritten(action: string, service: string, level: string): ExpandedAction {
  return { action, key: action.toLowerCase(), service, level };
}
