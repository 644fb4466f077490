import { suggestCapabilities } from '../../model/draft/suggest-capabilities';
import type { AuditRule, RuleFinding } from '../finding';
import { clip, roleDuties } from './role-duties';

/**
 * A duty of a role's JD that the role file neither maps to a capability nor marks as needing no access.
 * When the catalog's keywords suggest a capability the role does not hold, it is a likely missing
 * grant (medium, `Coverage-LikelyMissingGrant`); otherwise a gap in the mapping (low).
 */
export const unmappedDuty: AuditRule = {
  id: 'Coverage-UnmappedDuty',
  category: 'coverage',
  description: 'a JD duty no role duty maps and no noAccess entry excuses',
  check: (context) => findUnmapped(context, false),
};

/** The same duties, when a capability the role lacks matches them. */
export const likelyMissingGrant: AuditRule = {
  id: 'Coverage-LikelyMissingGrant',
  category: 'coverage',
  description: 'an unmapped JD duty whose words match a capability the role does not hold',
  check: (context) => findUnmapped(context, true),
};

function findUnmapped(context: Parameters<AuditRule['check']>[0], suggested: boolean): RuleFinding[] {
  const { bundle, model } = context;
  const catalog = bundle.capabilities.map((capability) => ({ id: capability.value.id, keywords: capability.value.keywords }));
  const held = new Map(model.roles.map((role) => [role.id, new Set(role.capabilities.map((capability) => capability.id))]));
  const findings: RuleFinding[] = [];
  for (const role of bundle.roles) {
    const read = roleDuties(bundle, role);
    if (!read) continue;
    for (const duty of read.duties) {
      if (duty.capabilities.length > 0 || duty.noAccess !== undefined) continue;
      const missing = suggestCapabilities(duty.item.text, catalog).filter(
        (suggestion) => !held.get(role.value.id)?.has(suggestion.capabilityId),
      );
      if (suggested !== missing.length > 0) continue;
      const where = `${read.jdFile}:${duty.item.line}`;
      findings.push({
        detail: `${role.value.id}:${where}`,
        severity: suggested ? 'medium' : 'low',
        subject: `role:${role.value.id}`,
        message: suggested
          ? `duty of ${role.value.id} maps to nothing, and its words match ${missing.map((suggestion) => suggestion.capabilityId).join(', ')}, which the role does not hold`
          : `duty of ${role.value.id} is neither mapped to a capability nor marked as needing no access`,
        evidence: [
          `${where} (${duty.section}): "${clip(duty.item.text)}"`,
          ...missing.map((suggestion) => `keywords of ${suggestion.capabilityId}: ${suggestion.matched.join(', ')}`),
          `map it in ${role.source.file} under duties, or list it under noAccess with a reason`,
        ],
      });
    }
  }
  return findings;
}
