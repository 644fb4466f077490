import type { AuditRule } from '../finding';
import { highRiskHoldings } from './risk-holders';

/** A person holding more high-risk capabilities than org.yaml `audit.maxHighRiskPerPerson` allows. */
export const highRiskLimit: AuditRule = {
  id: 'Risk-HighRiskLimit',
  category: 'risk',
  description: 'a person holding more high-risk capabilities than audit.maxHighRiskPerPerson',
  check: ({ model, config }) =>
    highRiskHoldings(model)
      .filter(({ capabilities }) => capabilities.length > config.maxHighRiskPerPerson)
      .map(({ person, capabilities }) => ({
        detail: person.id,
        severity: 'medium' as const,
        subject: person.id,
        message: `${person.id} holds ${capabilities.length} high-risk capabilities, more than the ${config.maxHighRiskPerPerson} org.yaml audit.maxHighRiskPerPerson allows`,
        evidence: [`roles: ${person.roles.join(', ')}`, `high-risk: ${capabilities.join(', ')}`],
      })),
};
