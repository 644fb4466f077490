import { personCapabilities } from '../../model/build/person-access';
import type { AccessModel, PersonAccess } from '../../model/types';

/** The high-risk capabilities each active person holds (GitHub ownership counts as one), sorted. */
export function highRiskHoldings(model: AccessModel): { person: PersonAccess; capabilities: string[] }[] {
  const high = new Set(model.capabilities.filter((capability) => capability.risk.level === 'high').map((capability) => capability.id));
  return model.people
    .filter((person) => person.status === 'active')
    .map((person) => ({
      person,
      capabilities: [
        ...personCapabilities(model, person)
          .map((capability) => capability.id)
          .filter((id) => high.has(id)),
        ...(person.githubOwner ? ['github-organisation-owner'] : []),
      ],
    }))
    .filter((entry) => entry.capabilities.length > 0);
}
