import type { CapabilityFile } from '../schema';
import type { ActionCatalog } from './iam/action-catalog';
import { computeRisk } from './iam/risk';
import { checkRiskAcceptance, describeReason, type RiskFinding } from './iam/risk-acceptance';
import { riskRank, type ComputedRisk } from './iam/risk-types';
import type { Risk } from './types';

/** The computed risk of a capability's AWS grants, over all its accounts. */
export function computedRiskOf(capability: CapabilityFile, catalog: ActionCatalog): ComputedRisk {
  return computeRisk(
    {
      statements: capability.aws.flatMap((grant) => grant.statements),
      access: capability.aws.flatMap((grant) => grant.access),
      managedPolicies: capability.aws.flatMap((grant) => grant.managedPolicies),
    },
    catalog,
  );
}

/** A capability's declared, computed and accepted risk, with the reasons in words. */
export function computeCapabilityRisk(capability: CapabilityFile, catalog: ActionCatalog): Risk {
  const computed = computedRiskOf(capability, catalog);
  const declared = typeof capability.risk === 'string' ? capability.risk : capability.risk.level;
  const accepted = typeof capability.risk === 'string' ? undefined : capability.risk.reason;
  const level = riskRank(declared) >= riskRank(computed.level) ? declared : computed.level;
  return { level, declared, computed: computed.level, ...(accepted ? { accepted } : {}), reasons: computed.reasons.map(describeReason) };
}

/** Findings when the computed risk is high and not accepted, or higher than declared. */
export function checkCapabilityRisk(capability: CapabilityFile, catalog: ActionCatalog): RiskFinding[] {
  return checkRiskAcceptance(capability.risk, computedRiskOf(capability, catalog));
}
