import type { RiskLevel } from '../schema';
import type { AccessDiff, RiskItem } from './diff-types';

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** The outcome of `--fail-on LEVEL`: the changes that add access at or above it without a covering acceptance. */
export interface Gate {
  readonly failOn: RiskLevel;
  readonly failed: boolean;
  readonly unaccepted: readonly RiskItem[];
}

/**
 * Checks a diff against a level, as a "no new access" gate: it fails on access gained at or above
 * `level` unless the capability's acceptance (in force, in the head) names every role it comes through,
 * on a deny lifted at or above `level` (removed while an allow it narrowed stays: the acceptance was
 * given with the deny in place), and on a new organisation owner (high, and nothing accepts it). A deny
 * removed with the access it narrowed (a leaver) is no gain, so access lost, a deny added, re-rated risk
 * and acceptance edits never fail it: they are shown for review.
 */
export function checkGate(diff: AccessDiff, level: RiskLevel): Gate {
  const unaccepted = diff.risks.filter(
    (item) =>
      RANK[item.level] >= RANK[level] &&
      ((item.kind === 'access-gained' && item.accepted !== true) || item.kind === 'deny-removed' || item.kind === 'owner-added'),
  );
  return { failOn: level, failed: unaccepted.length > 0, unaccepted };
}

/** Whether a risk item is one to read first: new high-risk access, a new owner, or any change to a written acceptance. */
export function isCallout(item: RiskItem): boolean {
  if (item.kind.startsWith('acceptance-')) return true;
  return item.level === 'high' && (item.kind === 'access-gained' || item.kind === 'deny-removed' || item.kind === 'owner-added');
}
