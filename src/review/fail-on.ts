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
  const unaccepted = diff.risks.filter((item) => gateReads(item, level) && failsGate(item));
  return { failOn: level, failed: unaccepted.length > 0, unaccepted };
}

/** Whether the gate at `level` judges an item: access added (gained, a deny lifted, a new owner) at or above it. */
export function gateReads(item: RiskItem, level: RiskLevel): boolean {
  return RANK[item.level] >= RANK[level] && (item.kind === 'access-gained' || item.kind === 'deny-removed' || item.kind === 'owner-added');
}

/** Whether an item the gate reads fails it: access gained without a covering acceptance, any lifted deny, any new owner. */
export function failsGate(item: RiskItem): boolean {
  return item.kind === 'access-gained' ? item.accepted !== true : item.kind === 'deny-removed' || item.kind === 'owner-added';
}

/** Whether a risk item is one to read first: new high-risk access, a new owner, or any change to a written acceptance. */
export function isCallout(item: RiskItem): boolean {
  if (item.kind.startsWith('acceptance-')) return true;
  return item.level === 'high' && (item.kind === 'access-gained' || item.kind === 'deny-removed' || item.kind === 'owner-added');
}
