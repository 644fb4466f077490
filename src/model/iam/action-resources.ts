import { findCatalogAction, type ActionCatalog, type ResourceType } from './action-catalog';
import { parseAction } from './action-name';
import { hasWildcard } from './action-pattern';
import { ANY_NAME_CHAR, formatTokens, globMatches, globsIntersect, patternTokens, type GlobToken } from './arn-glob';
import { expandWildcard } from './expand';
import { isBroadResource } from './resource';

/**
 * The resource types an action can be allowed on: `[]` for a wildcard-only action (AWS authorizes it
 * only on `"*"`), `undefined` when the catalog does not know (an unknown action, or data without types).
 */
export function resourceTypesOfAction(catalog: ActionCatalog, action: string): readonly ResourceType[] | undefined {
  let byAction = typesByAction.get(catalog);
  if (byAction === undefined) typesByAction.set(catalog, (byAction = new Map()));
  let types = byAction.get(action);
  if (types === undefined) byAction.set(action, (types = lookUpResourceTypes(catalog, action) ?? null));
  return types ?? undefined;
}

// Every check and rating asks for the types of the same few hundred actions, again for each resource.
const typesByAction = new WeakMap<ActionCatalog, Map<string, readonly ResourceType[] | null>>();

function lookUpResourceTypes(catalog: ActionCatalog, action: string): readonly ResourceType[] | undefined {
  const parsed = parseAction(action);
  if (parsed === undefined) return undefined;
  const found = findCatalogAction(catalog, parsed.service, parsed.name);
  if (found?.resourceTypes === undefined) return undefined;
  const types = catalog.resourceTypes(parsed.service);
  const result: ResourceType[] = [];
  for (const name of found.resourceTypes) {
    const type = types?.get(name);
    // A type the data names but does not describe: nothing to compare with, so the action stays usable.
    if (type === undefined) return undefined;
    result.push(type);
  }
  return result;
}

/** True when the resource pattern covers the literal `"*"`: wildcard-only actions are usable on it. */
export function coversEverything(resource: string): boolean {
  return globMatches(tokensOf(resource, patternTokens), '*');
}

/**
 * True when `action` (an action, a wildcard pattern such as `s3:Get*`, or `*`) can act on some resource
 * the pattern `resource` names: `*`, or an ARN pattern that can match the ARN format of one of the
 * action's resource types (for a pattern, of one of the actions it covers). Unknown actions count as
 * usable: `validate` reports them on their own.
 */
export function canActOn(catalog: ActionCatalog, action: string, resource: string): boolean {
  return memo(catalog, 'act', action, resource, () => {
    if (action === '*' || coversEverything(resource)) return true;
    const parsed = parseAction(action);
    if (parsed !== undefined && (hasWildcard(parsed.service) || hasWildcard(parsed.name))) {
      const covered = expandWildcard(action, catalog);
      return covered.length === 0 || covered.some((name) => canActOn(catalog, name, resource));
    }
    const types = resourceTypesOfAction(catalog, action);
    if (types === undefined) return true;
    // Actions of a service share formats: compare each (resource, format) pair once.
    return types.some((type) =>
      memo(catalog, 'meet', type.arn, resource, () => globsIntersect(tokensOf(resource, patternTokens), tokensOf(type.arn, formatTokens))),
    );
  });
}

/**
 * True when `resource` names every resource of a type `action` acts on, whatever the names: `*`, or a
 * pattern that matches the type's ARN format with every name filled in with text it cannot guess, so
 * `role/*`, `role*`, `role/?*` and `arn:aws:iam::*:*` all count, and `role/deploy-*` does not. The
 * partition, region and account are taken as the pattern writes them: the account's own roles are "all
 * roles". An action the catalog does not describe falls back to {@link isBroadResource}.
 */
export function isBroadFor(catalog: ActionCatalog, action: string, resource: string): boolean {
  return memo(catalog, 'broad', action, resource, () => {
    if (coversEverything(resource)) return true;
    const types = resourceTypesOfAction(catalog, action);
    if (types === undefined) return isBroadResource(resource);
    return types.some((type) =>
      memo(catalog, 'cover', type.arn, resource, () => globMatches(tokensOf(resource, patternTokens), anyNameOf(type.arn, resource))),
    );
  });
}

/** A short description of what an action acts on, for messages: `cluster (arn:${Partition}:eks:…)`. */
export function describeResourceTypes(catalog: ActionCatalog, action: string, shown = 3): string {
  const types = resourceTypesOfAction(catalog, action);
  if (types === undefined) return 'resource types unknown';
  if (types.length === 0) return 'no resource: AWS authorizes it only on "*"';
  const listed = types.slice(0, shown).map((type) => `${type.name} (${type.arn})`);
  return `${listed.join(', ')}${types.length > shown ? ` and ${types.length - shown} more types` : ''}`;
}

/** Characters a pattern's literals never hold: names made of them can be matched only by wildcards. */
const UNGUESSABLE = ANY_NAME_CHAR.repeat(24);
const HEADER_DEFAULTS = ['arn', 'aws', '', 'us-east-1', '123456789012'];

/**
 * An ARN of the format with each name variable filled with {@link UNGUESSABLE}, and the partition, region
 * and account variables with what the pattern writes there (when it is plain text), else a default.
 */
function anyNameOf(format: string, pattern: string): string {
  const written = pattern.split(':');
  let field = 0;
  let result = '';
  let last = 0;
  const variable = /\$\{[^}]*\}/g;
  let match: RegExpExecArray | null;
  while ((match = variable.exec(format)) !== null) {
    const before = format.slice(last, match.index);
    result += before;
    field += before.split(':').length - 1;
    last = match.index + match[0].length;
    if (field < 5) {
      const text = written[field];
      result += text !== undefined && text !== '' && !/[*?$]/.test(text) ? text : (HEADER_DEFAULTS[field] ?? 'x');
    } else {
      result += UNGUESSABLE;
    }
  }
  return result + format.slice(last);
}

const tokenCache = new Map<string, GlobToken[]>();

function tokensOf(text: string, tokenize: (text: string) => GlobToken[]): GlobToken[] {
  const key = `${tokenize === formatTokens ? 'f' : 'p'}${text}`;
  let tokens = tokenCache.get(key);
  if (tokens === undefined) {
    tokens = tokenize(text);
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(key, tokens);
  }
  return tokens;
}

const answers = new WeakMap<ActionCatalog, Map<string, Map<string, boolean>>>();

/**
 * Answers per catalog, subject (an action, ignoring case as IAM does, or an ARN format) and resource: the
 * same pairs recur for every role and account. Two levels of maps, so that no key is built per question.
 */
function memo(catalog: ActionCatalog, kind: string, subject: string, resource: string, compute: () => boolean): boolean {
  let cache = answers.get(catalog);
  if (cache === undefined) {
    cache = new Map();
    answers.set(catalog, cache);
  }
  const subjectKey = `${kind}\u0000${kind === 'act' || kind === 'broad' ? subject.toLowerCase() : subject}`;
  let bySubject = cache.get(subjectKey);
  if (bySubject === undefined) {
    bySubject = new Map();
    cache.set(subjectKey, bySubject);
  }
  let answer = bySubject.get(resource);
  if (answer === undefined) {
    answer = compute();
    bySubject.set(resource, answer);
  }
  return answer;
}
