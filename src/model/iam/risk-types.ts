import type { RiskLevel } from '../../schema/capabilities';
import type { ConditionNote } from './conditions';

/** What kind of harm a grant enables. */
export type RiskCategory =
  /** The holder can gain permissions it was not given. */
  | 'privilege-escalation'
  /** Actions the reference files under "Permissions management": they change who may do what. */
  | 'permissions-management'
  /** Reads of object data, items or secrets on every resource. */
  | 'data-exfiltration'
  /** Delete, terminate, destroy or purge on every resource. */
  | 'destructive'
  /** `*`, `service:*`, or an AWS managed policy that covers a whole area. */
  | 'broad'
  /** A managed policy rolecall has no rating for. */
  | 'unreviewed-policy'
  /** GitHub `admin` on a repository: settings, collaborators, branch protection, deletion. */
  | 'repository-admin'
  /** GitHub `maintain` on a repository: settings short of the destructive ones. */
  | 'repository-maintain';

/** One reason a capability is risky. */
export interface RiskReason {
  readonly category: RiskCategory;
  readonly level: RiskLevel;
  /** The actions (or managed policy ARNs) responsible, sorted. */
  readonly actions: readonly string[];
  /** The resources they are allowed on, sorted (empty for managed policies). */
  readonly resources: readonly string[];
  /** Why this is risky, lower case, no trailing period. */
  readonly why: string;
}

/** A capability's computed risk: the highest level of its reasons (`low` when there are none). */
export interface ComputedRisk {
  readonly level: RiskLevel;
  /** Sorted: highest level first, then by category and actions. */
  readonly reasons: readonly RiskReason[];
  /** Every condition of the allowed statements and what the rating made of it, sorted. @default [] */
  readonly conditions?: readonly ConditionNote[];
}

/** Orders risk levels: low < medium < high. */
export function riskRank(level: RiskLevel): number {
  return level === 'high' ? 2 : level === 'medium' ? 1 : 0;
}
