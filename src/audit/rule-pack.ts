import type { AuditRule } from './finding';
import * as rules from './rules';

/** rolecall's rule pack, in the order the report lists rules: coverage, risk, drift, unused. */
export const RULE_PACK: readonly AuditRule[] = [
  rules.brokenJustification,
  rules.likelyMissingGrant,
  rules.unmappedDuty,
  rules.weakJustification,
  rules.highRiskHolder,
  rules.highRiskLimit,
  rules.separationOfDuties,
  rules.acceptanceExpiry,
  rules.leaverAccess,
  rules.unmanagedUser,
  rules.unmanagedGroup,
  rules.unmanagedPolicy,
  rules.extraPolicy,
  rules.changedPolicy,
  rules.unexplainedMember,
  rules.unexplainedGithubMember,
  rules.extraRepositoryPermission,
  rules.unmanagedTeam,
  rules.missingGrant,
  rules.unusedService,
];
