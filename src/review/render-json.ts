import { isCallout } from './fail-on';
import type { InvalidReview, ReviewReport } from './review-report';
import { summarise } from './summarise';

/** Version of the JSON shape: raised when a field changes meaning or goes away. */
export const DIFF_JSON_VERSION = 1;

/**
 * The diff as JSON for bots: the same content as the Markdown, every list complete, keys in a stable
 * order (the top level as listed here, every object below it sorted by key), two-space indented.
 */
export function renderJson(report: ReviewReport): string {
  const { diff } = report;
  return stableJson({
    version: DIFF_JSON_VERSION,
    asOf: diff.asOf,
    base: report.base,
    head: report.head,
    summary: summarise(diff),
    ...(report.gate ? { gate: report.gate } : {}),
    callouts: diff.risks.filter(isCallout),
    risks: diff.risks,
    people: diff.people,
    roles: diff.roles,
    capabilities: diff.capabilities,
    rotations: diff.rotations,
    justifications: diff.justifications,
    settings: diff.settings,
  });
}

/** Why no diff could be made, as JSON: each side's problems and the quotes the change broke. */
export function renderInvalidJson(invalid: InvalidReview): string {
  return stableJson({
    version: DIFF_JSON_VERSION,
    asOf: invalid.asOf,
    base: invalid.base,
    head: invalid.head,
    error: 'invalid roles',
    problems: invalid.problems,
    brokenQuotes: invalid.brokenQuotes,
  });
}

/** JSON with the top-level keys in the order given and every nested object's keys sorted. */
function stableJson(top: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, entry]) => entry !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, entry]) => [key, sorted(entry)]),
      );
    }
    return value;
  };
  const ordered = Object.fromEntries(Object.entries(top).map(([key, value]) => [key, sorted(value)]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
