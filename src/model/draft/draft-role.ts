import type { RiskLevel } from '../../schema';
import { suggestCapabilities, type Suggestion } from './suggest-capabilities';

/** A capability of the catalog as a draft sees it: its keywords and its effective risk. */
export interface DraftCatalogEntry {
  readonly id: string;
  readonly keywords: readonly string[];
  /** The higher of declared and computed risk, as the model rates it. */
  readonly risk: RiskLevel;
}

/** One duty of the JD and what the draft does with it. */
export interface DraftDuty {
  readonly text: string;
  readonly line: number;
  readonly section: string;
  /** Suggestions granted as written: low and medium risk. */
  readonly granted: readonly Suggestion[];
  /** High-risk suggestions, written for a human to uncomment: an unedited draft never grants them. */
  readonly held: readonly Suggestion[];
}

/** What `jd draft` writes, decided before it is rendered. */
export interface RoleDraft {
  readonly duties: readonly DraftDuty[];
  /** Whether some duty grants something: a role needs one duty with a capability to validate. */
  readonly grantsAnything: boolean;
}

/**
 * Decides a draft role from a JD's duties and the catalog: each duty's suggestions above the threshold,
 * split into what the draft grants (low and medium risk) and what it holds back for a human (high).
 */
export function draftRoleDecisions(
  duties: readonly { readonly text: string; readonly line: number; readonly section: string }[],
  catalog: readonly DraftCatalogEntry[],
): RoleDraft {
  const risks = new Map(catalog.map((capability) => [capability.id, capability.risk]));
  const drafted = duties.map((duty): DraftDuty => {
    const suggestions = suggestCapabilities(duty.text, catalog);
    return {
      ...duty,
      granted: suggestions.filter((suggestion) => risks.get(suggestion.capabilityId) !== 'high'),
      held: suggestions.filter((suggestion) => risks.get(suggestion.capabilityId) === 'high'),
    };
  });
  return { duties: drafted, grantsAnything: drafted.some((duty) => duty.granted.length > 0) };
}
