import { findCatalogAction, type ActionCatalog } from './action-catalog';
import { formatAction, parseAction } from './action-name';
import { escapeRegExp, hasWildcard, wildcardToRegExp } from './action-pattern';
import { didYouMean } from '../../util/did-you-mean';
import { expandWildcard } from './expand';
import { didYouMeanHint, type ActionFinding, type ActionFindingCode, type StatementActionFinding } from './finding';

/**
 * Names people write for a service whose IAM prefix differs (the console name, the API name, an old name).
 * Checked before edit distance because none of them is a small edit away from the real prefix.
 */
export const SERVICE_PREFIX_ALIASES: Readonly<Record<string, string>> = {
  'cloudwatch-logs': 'logs',
  cloudwatchlogs: 'logs',
  cognito: 'cognito-idp',
  elasticsearch: 'es',
  elb: 'elasticloadbalancing',
  eventbridge: 'events',
  'identity-center': 'sso',
  identitycenter: 'sso',
  opensearch: 'es',
  'parameter-store': 'ssm',
  'step-functions': 'states',
  stepfunctions: 'states',
};

/**
 * Checks one action against the catalog: the service must exist, a plain action must exist (in any case;
 * a case other than AWS's is a warning, since IAM ignores case but reviewers and diffs do not), and a
 * wildcard pattern must cover at least one action. The lone `*` is valid here; risk rules judge it.
 * Returns `undefined` when the action is fine.
 */
export function checkAction(action: string, catalog: ActionCatalog): ActionFinding | undefined {
  if (action === '*') return undefined;
  const parsed = parseAction(action);
  if (parsed === undefined) {
    return finding('malformed-action', action, `expected an IAM action such as "s3:GetObject", got ${JSON.stringify(action)}`, []);
  }
  if (hasWildcard(parsed.service)) {
    return expandWildcard(action, catalog).length > 0
      ? undefined
      : finding('no-match', action, `${JSON.stringify(action)} matches no action of any service`, []);
  }
  const service = parsed.service.toLowerCase();
  const actions = catalog.actions(service);
  if (actions === undefined) {
    // Prefer close services that have the action; otherwise name close prefixes without inventing actions.
    const services = suggestServices(service, catalog, 5);
    const withAction = services.filter((suggested) => expandWildcard(formatAction(suggested, parsed.name), catalog).length > 0).slice(0, 3);
    const prefixes = services.slice(0, 3);
    return finding(
      'unknown-service',
      action,
      `unknown service prefix ${JSON.stringify(parsed.service)} in ${JSON.stringify(action)}`,
      withAction.map((suggested) => formatAction(suggested, parsed.name)),
      withAction.length > 0
        ? undefined
        : prefixes.length > 0
          ? `close service prefixes are ${prefixes.map((prefix) => JSON.stringify(prefix)).join(', ')}, but none has ${JSON.stringify(parsed.name)}`
          : 'service prefixes are listed at https://docs.aws.amazon.com/service-authorization/latest/reference/',
    );
  }
  if (hasWildcard(parsed.name)) return checkPattern(action, service, parsed.name, parsed.service !== service, catalog);
  const found = findCatalogAction(catalog, service, parsed.name);
  if (found === undefined) {
    const names = didYouMean(
      parsed.name,
      actions.map((entry) => entry.name),
    );
    return finding(
      'unknown-action',
      action,
      `unknown action ${JSON.stringify(action)}: ${service} has no action ${JSON.stringify(parsed.name)}`,
      names.map((name) => formatAction(service, name)),
    );
  }
  const canonical = formatAction(service, found.name);
  if (canonical !== action) {
    return finding(
      'action-case',
      action,
      `${JSON.stringify(action)} is spelled ${JSON.stringify(canonical)} by AWS`,
      [canonical],
      `write ${JSON.stringify(canonical)}: IAM ignores case, but reviews and diffs do not`,
    );
  }
  return undefined;
}

/** Checks every action of every statement; findings carry the statement and action indexes. */
export function checkActions(
  statements: readonly { readonly actions: readonly string[] }[],
  catalog: ActionCatalog,
): StatementActionFinding[] {
  return statements.flatMap((statement, statementIndex) =>
    statement.actions.flatMap((action, index) => {
      const found = checkAction(action, catalog);
      return found === undefined ? [] : [{ ...found, statement: statementIndex, index }];
    }),
  );
}

/** Service prefixes close to an unknown one: an alias first, then by edit distance and prefix. */
export function suggestServices(service: string, catalog: ActionCatalog, limit = 3): readonly string[] {
  const alias = SERVICE_PREFIX_ALIASES[service.toLowerCase()];
  const known = catalog.services();
  const close = didYouMean(service, known, limit);
  return alias !== undefined && known.includes(alias) ? [alias, ...close.filter((name) => name !== alias)].slice(0, limit) : close;
}

function checkPattern(
  action: string,
  service: string,
  name: string,
  serviceCase: boolean,
  catalog: ActionCatalog,
): ActionFinding | undefined {
  const names = (catalog.actions(service) ?? []).map((entry) => entry.name);
  const pattern = wildcardToRegExp(name);
  if (!names.some((candidate) => pattern.test(candidate))) {
    const suggestions = suggestPatterns(name, names).map((suggested) => formatAction(service, suggested));
    return finding('no-match', action, `${JSON.stringify(action)} matches no action of ${service}`, suggestions);
  }
  const exact = new RegExp(pattern.source);
  if (serviceCase || !names.some((candidate) => exact.test(candidate))) {
    const fixed = formatAction(service, patternInCaseOf(name, names.find((candidate) => pattern.test(candidate)) ?? name));
    return finding(
      'action-case',
      action,
      `${JSON.stringify(action)} matches actions only when case is ignored`,
      [fixed],
      `write ${JSON.stringify(fixed)}`,
    );
  }
  return undefined;
}

/** The pattern with each literal part in the case `name` has there: `get*object` + `GetObject` → `Get*Object`. */
function patternInCaseOf(pattern: string, name: string): string {
  const tokens = pattern.match(/[*?]|[^*?]+/g) ?? [];
  const source = tokens.map((token) => (token === '*' ? '.*' : token === '?' ? '.' : `(${escapeRegExp(token)})`));
  const match = new RegExp(`^${source.join('')}$`, 'i').exec(name);
  if (match === null) return pattern;
  let group = 0;
  return tokens.map((token) => (token === '*' || token === '?' ? token : (match[(group += 1)] ?? token))).join('');
}

/**
 * Repairs the literal start (or, failing that, end) of a wildcard pattern against the same-length starts or
 * ends of real action names: `Descibe*` → `Describe*`, `*Objects` → `*Object`. Only repairs that match
 * something are offered.
 */
function suggestPatterns(pattern: string, names: readonly string[]): readonly string[] {
  const matchesSomething = (candidate: string): boolean => names.some((name) => wildcardToRegExp(candidate).test(name));
  const head = /^[^*?]*/.exec(pattern)?.[0] ?? '';
  const tail = /[^*?]*$/.exec(pattern)?.[0] ?? '';
  const fromHead = repair(head, names, (name, length) => name.slice(0, length)).map((fixed) => fixed + pattern.slice(head.length));
  const fromTail = repair(tail, names, (name, length) => name.slice(-length)).map(
    (fixed) => pattern.slice(0, pattern.length - tail.length) + fixed,
  );
  return [...fromHead.filter(matchesSomething), ...fromTail.filter(matchesSomething)].slice(0, 1);
}

/** Literal text of a pattern compared with same-length (±1) pieces of the real names. */
function repair(literal: string, names: readonly string[], cut: (name: string, length: number) => string): readonly string[] {
  if (literal.length < 2) return [];
  const pieces = new Set<string>();
  for (const name of names) {
    for (const length of [literal.length - 1, literal.length, literal.length + 1]) {
      if (length <= name.length) pieces.add(cut(name, length));
    }
  }
  return didYouMean(literal, [...pieces]);
}

function finding(code: ActionFindingCode, action: string, message: string, suggestions: readonly string[], hint?: string): ActionFinding {
  const severity = code === 'action-case' ? 'warning' : 'error';
  const text = hint ?? didYouMeanHint(suggestions);
  return text === undefined
    ? { code, severity, action, message, suggestions }
    : { code, severity, action, message, hint: text, suggestions };
}
