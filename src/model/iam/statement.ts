import type { AccessLevel } from '../../schema/capabilities';

/** IAM condition block: operator → condition key → value(s), e.g. `{ StringEquals: { "aws:RequestedRegion": "eu-west-1" } }`. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, string | readonly string[] | boolean>>>>;

/**
 * An IAM policy statement: as a capability writes it (`StatementSchema` after parsing is assignable to
 * this read-only view), and after expansion and normalisation (`normalizeStatement`: actions sorted and
 * de-duplicated as written, wildcards kept).
 */
export interface Statement {
  /** Only documentation: compiled policies derive their Sids from content. */
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: ConditionBlock;
}

/** Least-privilege access by service and access levels (`AccessSchema` after parsing). */
export interface AccessGrant {
  readonly service: string;
  readonly levels: readonly AccessLevel[];
  readonly resources: readonly string[];
  /** Actions or patterns of the service to leave out, e.g. `s3:DeleteBucket` or `s3:Delete*`. */
  readonly except: readonly string[];
  /** Whether actions that take no resource are granted on `"*"`. @default "omit" */
  readonly wildcardOnly?: 'include' | 'omit';
}
