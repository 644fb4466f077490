import type { RiskLevel } from '../../schema/capabilities';
import type { Severity } from '../../load/problem';
import { riskRank, type ComputedRisk, type RiskReason } from './risk-types';

/** A capability's declared risk (`RiskSchema`): a level, or a level with a written acceptance. */
export type DeclaredRisk = RiskLevel | { readonly level: RiskLevel; readonly accepted: DeclaredAcceptance };

/** A written acceptance (`AcceptanceSchema`), read-only. */
export interface DeclaredAcceptance {
  readonly by: readonly string[];
  readonly on: string;
  readonly roles: readonly string[];
  readonly expires?: string | undefined;
  readonly reason: string;
}

/** Why a declared risk does not fit the computed one. */
export type RiskFindingCode = 'risk-not-accepted' | 'risk-understated';

/** A mismatch between declared and computed risk. */
export interface RiskFinding {
  readonly code: RiskFindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  /** The reasons that raised the computed level above the declared one. */
  readonly reasons: readonly RiskReason[];
}

/** How many actions (or resources) of one reason a message names before it says "and N more". */
const ACTIONS_SHOWN = 4;
const RESOURCES_SHOWN = 3;

/**
 * Compares declared with computed risk:
 * - computed high without an acceptance is an error naming the actions that made it high;
 * - a declared level below a computed high is an error, also when accepted: an acceptance of
 *   `AdministratorAccess` declared `low` would tell every reader the wrong thing;
 * - a declared level below a computed medium is a warning.
 * A declared level above the computed one is fine: authors may be cautious. Whom an acceptance covers,
 * and until when, is checked where roles and dates are known (`check-acceptance-scope`, `-dates`).
 */
export function checkRiskAcceptance(declared: DeclaredRisk, computed: ComputedRisk): RiskFinding[] {
  const level = typeof declared === 'string' ? declared : declared.level;
  const accepted = typeof declared !== 'string';
  const findings: RiskFinding[] = [];
  if (computed.level === 'high' && !accepted) {
    const high = computed.reasons.filter((reason) => reason.level === 'high');
    findings.push({
      code: 'risk-not-accepted',
      severity: 'error',
      message: `computed risk is high and not accepted: ${high.map(describeReason).join('; ')}`,
      hint: 'narrow the actions or resources, or declare risk: { level: high, accepted: { by: [person-id], on: YYYY-MM-DD, roles: [role-id], reason: "…" } }',
      reasons: high,
    });
  }
  if (riskRank(level) < riskRank(computed.level)) {
    const above = computed.reasons.filter((reason) => riskRank(reason.level) > riskRank(level));
    const computedHigh = computed.level === 'high';
    findings.push({
      code: 'risk-understated',
      severity: computedHigh ? 'error' : 'warning',
      message: `declared risk ${JSON.stringify(level)} is lower than the computed ${JSON.stringify(computed.level)}: ${above
        .map(describeReason)
        .join('; ')}`,
      hint: computedHigh
        ? 'declare level high (an acceptance does not lower it), or narrow the actions'
        : `declare level ${computed.level}, or narrow the actions`,
      reasons: above,
    });
  }
  return findings;
}

/** One reason in a line: `privilege-escalation: iam:PassRole on "*" (can hand any role …)`. */
export function describeReason(reason: RiskReason): string {
  const actions = shorten(reason.actions, ACTIONS_SHOWN);
  const resources = shorten(
    reason.resources.map((resource) => JSON.stringify(resource)),
    RESOURCES_SHOWN,
  );
  return `${reason.category}: ${actions}${resources === '' ? '' : ` on ${resources}`} (${reason.why})`;
}

function shorten(items: readonly string[], shown: number): string {
  const more = items.length > shown ? ` and ${items.length - shown} more` : '';
  return items.slice(0, shown).join(', ') + more;
}
