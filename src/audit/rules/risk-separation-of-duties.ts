import { personCapabilities } from '../../model/build/person-access';
import type { AuditRule, RuleFinding } from '../finding';

/** One person holding every capability of a separation of duties declared in capabilities.yaml. */
export const separationOfDuties: AuditRule = {
  id: 'Risk-SeparationOfDuties',
  category: 'risk',
  description: 'one person holding capabilities capabilities.yaml says must stay apart',
  check: ({ model, bundle }) => {
    const separations = bundle.separations ?? [];
    if (separations.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (const person of model.people) {
      if (person.status !== 'active') continue;
      const held = new Map(personCapabilities(model, person).map((capability) => [capability.id, capability.because]));
      for (const separation of separations) {
        const { capabilities, reason } = separation.value;
        if (!capabilities.every((id) => held.has(id))) continue;
        const where = separation.source.locate([...separation.path, 'capabilities']);
        findings.push({
          detail: `${person.id}:${[...capabilities].sort().join('+')}`,
          severity: 'high',
          subject: person.id,
          message: `${person.id} holds ${capabilities.join(' and ')}, which must not be held together`,
          evidence: [
            `${separation.source.file}:${where.line}: ${reason}`,
            ...capabilities.map((id) => `${id} through ${[...new Set((held.get(id) ?? []).map((because) => because.roleId))].join(', ')}`),
          ],
        });
      }
    }
    return findings;
  },
};
