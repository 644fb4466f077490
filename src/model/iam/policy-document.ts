import { shortHash } from '../../util/short-hash';
import type { ConditionBlock } from './statement';

/** The only current IAM policy language version. */
export const POLICY_VERSION = '2012-10-17';

/** A statement in IAM's JSON shape; keys are written in this order. */
export interface PolicyStatementJson {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: ConditionBlock;
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: typeof POLICY_VERSION;
  readonly Statement: readonly PolicyStatementJson[];
}

/** A policy document with its compact JSON and the size AWS counts against quotas. */
export interface CompiledPolicy {
  readonly document: PolicyDocument;
  /** Compact JSON: no whitespace between tokens, keys in a fixed order. */
  readonly json: string;
  /**
   * Characters of `json`. IAM counts non-whitespace characters; `json` has whitespace only inside string
   * values (if a condition value has any), so this never under-counts.
   */
  readonly size: number;
}

/** Renders statements, in the order given, as a compiled policy. */
export function renderPolicy(statements: readonly PolicyStatementJson[]): CompiledPolicy {
  const document: PolicyDocument = { Version: POLICY_VERSION, Statement: statements.map(orderKeys) };
  const json = JSON.stringify(document);
  return { document, json, size: json.length };
}

/** Characters one statement adds to a document (its JSON; separators are counted by the caller). */
export function statementSize(statement: PolicyStatementJson): number {
  return JSON.stringify(orderKeys(statement)).length;
}

/** Characters of a document with no statements: `{"Version":"2012-10-17","Statement":[]}`. */
export const EMPTY_POLICY_SIZE = renderPolicy([]).size;

/**
 * A Sid derived from content: the effect and an 8-digit hex FNV-1a hash of `key`, e.g. `Allow0F3A99C2`.
 * The same content always gets the same Sid, so reordering input never changes it.
 */
export function contentSid(effect: 'Allow' | 'Deny', key: string): string {
  return `${effect}${shortHash(key).toUpperCase()}`;
}

function orderKeys(statement: PolicyStatementJson): PolicyStatementJson {
  const { Sid, Effect, Action, Resource, Condition } = statement;
  return Condition === undefined ? { Sid, Effect, Action, Resource } : { Sid, Effect, Action, Resource, Condition };
}
