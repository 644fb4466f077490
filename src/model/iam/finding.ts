import type { Severity } from '../../load/problem';

/** Why an action was flagged. */
export type ActionFindingCode =
  /** Not `service:Action` or `*`. */
  | 'malformed-action'
  /** The service prefix is not in the catalog. */
  | 'unknown-service'
  /** The service has no such action. */
  | 'unknown-action'
  /** A wildcard pattern covers no action. */
  | 'no-match'
  /** The action exists but is spelled in another case than AWS spells it. */
  | 'action-case';

/** A problem with one action; the caller adds where it was written. */
export interface ActionFinding {
  readonly code: ActionFindingCode;
  readonly severity: Severity;
  /** The action exactly as written. */
  readonly action: string;
  /** Lower case, no trailing period, says what was received and what is allowed. */
  readonly message: string;
  readonly hint?: string;
  /** Replacements for `action`, best first (empty when there is no good guess). */
  readonly suggestions: readonly string[];
}

/** An action finding located in a list of statements by zero-based indexes. */
export interface StatementActionFinding extends ActionFinding {
  /** Index of the statement in the list passed in. */
  readonly statement: number;
  /** Index of the action in the statement's `actions`. */
  readonly index: number;
}

/** Formats suggestions as a hint: `did you mean "a"?` or `did you mean "a", "b" or "c"?`. */
export function didYouMeanHint(suggestions: readonly string[]): string | undefined {
  if (suggestions.length === 0) return undefined;
  const quoted = suggestions.map((suggestion) => JSON.stringify(suggestion));
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}
