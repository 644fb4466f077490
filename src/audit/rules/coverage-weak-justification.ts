import { MENTION_THRESHOLD, suggestCapabilities } from '../../model/draft/suggest-capabilities';
import type { AuditRule, RuleFinding } from '../finding';
import { clip, roleDuties } from './role-duties';

/**
 * A capability a role holds through duty quotes, although nothing in the role's JD duties names it: none
 * of its keywords (or, without keywords, the words of its id) appears in any duty of the JD. The quote
 * exists, but it does not say why this access is needed.
 */
export const weakJustification: AuditRule = {
  id: 'Coverage-WeakJustification',
  category: 'coverage',
  description: 'a capability granted by a duty quote although no duty of the JD mentions it',
  check: ({ bundle }) => {
    const findings: RuleFinding[] = [];
    const catalog = new Map(bundle.capabilities.map((capability) => [capability.value.id, capability.value]));
    for (const role of bundle.roles) {
      const read = roleDuties(bundle, role);
      if (!read) continue;
      const granted = new Set(role.value.duties.flatMap((duty) => duty.capabilities));
      for (const id of [...granted].sort()) {
        const capability = catalog.get(id);
        if (!capability) continue;
        const keywords = capability.keywords.length ? capability.keywords : id.split('-').filter((word) => word.length >= 4);
        if (keywords.length === 0) continue;
        const named = read.duties.some(
          (duty) => suggestCapabilities(duty.item.text, [{ id, keywords }], { threshold: MENTION_THRESHOLD }).length > 0,
        );
        if (named) continue;
        const quotes = role.value.duties
          .filter((duty) => duty.capabilities.includes(id))
          .map((duty) => `quoted for it: "${clip(duty.quote)}"`);
        findings.push({
          detail: `${role.value.id}:${id}`,
          severity: 'low',
          subject: `role:${role.value.id}`,
          message: `${role.value.id} holds ${id}, but no duty of ${read.jdFile} mentions any of its keywords`,
          evidence: [...quotes, `keywords looked for: ${keywords.join(', ')}`],
        });
      }
    }
    return findings;
  },
};
