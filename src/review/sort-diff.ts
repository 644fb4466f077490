import { compareText } from '../util/compare-text';
import { normalise } from './access-set';
import type { AccessDiff } from './diff-types';
import { compareRiskItems } from './risk-collector';

/**
 * The diff in its one canonical order: risks highest first, everything else by id (justifications by
 * role, then quote). Applied last by `diffModels` and by `mirrorDiff`, so both agree to the byte.
 */
export function sortDiff(diff: AccessDiff): AccessDiff {
  const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareText(a.id, b.id));
  const { duties, anchors, rejustified } = diff.justifications;
  return {
    ...diff,
    risks: [...diff.risks].sort(compareRiskItems),
    people: byId(diff.people),
    roles: byId(diff.roles),
    capabilities: byId(diff.capabilities),
    rotations: byId(diff.rotations),
    justifications: {
      duties: [...duties].sort(
        (a, b) => compareText(a.role, b.role) || compareText(normalise(a.quote), normalise(b.quote)) || compareText(a.change, b.change),
      ),
      anchors: [...anchors].sort((a, b) => compareText(a.role, b.role) || compareText(normalise(a.quote), normalise(b.quote))),
      rejustified: [...rejustified].sort(
        (a, b) =>
          compareText(a.role, b.role) ||
          compareText(JSON.stringify(a.before), JSON.stringify(b.before)) ||
          compareText(JSON.stringify(a.after), JSON.stringify(b.after)),
      ),
    },
    settings: [...diff.settings].sort((a, b) => compareText(a.name, b.name)),
  };
}
