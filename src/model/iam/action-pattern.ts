import { parseAction } from './action-name';

/** True when `text` contains an IAM wildcard: `*` (any run of characters) or `?` (one character). */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * A case-insensitive, anchored regular expression for an IAM wildcard pattern such as `Describe*` or
 * `Get?bject`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char))).join('');
  return new RegExp(`^${body}$`, 'i');
}

/** True when the action pattern `pattern` (e.g. `ec2:Describe*` or `*`) covers `action`, ignoring case. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = parseAction(pattern);
  const a = parseAction(action);
  if (p === undefined || a === undefined) return pattern.toLowerCase() === action.toLowerCase();
  return wildcardToRegExp(p.service).test(a.service) && wildcardToRegExp(p.name).test(a.name);
}

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()|[\]{}]/g, '\\$&');
}
