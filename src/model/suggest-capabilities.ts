import { compareText } from '../load/problem';

/** A capability suggested for a duty, and the keywords of it the duty contains. */
export interface Suggestion {
  readonly capabilityId: string;
  readonly matched: readonly string[];
}

/**
 * Suggests capabilities for a duty's text from the catalog's keywords: a keyword matches at the start
 * of a word, case-insensitive (so "monitor" matches "monitoring"); keywords of three letters or fewer
 * ("db", "k8s", "ci") must match a whole word. Sorted by number of keywords matched, then id.
 */
export function suggestCapabilities(
  text: string,
  capabilities: readonly { readonly id: string; readonly keywords: readonly string[] }[],
): Suggestion[] {
  const haystack = text.toLowerCase();
  const suggestions: Suggestion[] = [];
  for (const capability of capabilities) {
    const matched = capability.keywords.filter((keyword) => keywordPattern(keyword).test(haystack));
    if (matched.length) suggestions.push({ capabilityId: capability.id, matched: [...matched].sort() });
  }
  return suggestions.sort((a, b) => b.matched.length - a.matched.length || compareText(a.capabilityId, b.capabilityId));
}

function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.toLowerCase().trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const end = keyword.trim().length <= 3 ? '(?![a-z0-9])' : '';
  return new RegExp(`(?<![a-z0-9])${escaped}${end}`);
}
