import type { AuditRule, RuleFinding } from '../finding';
import { highRiskHoldings } from './risk-holders';

/** Everyone who holds high-risk access, with the acceptance it rests on: the list an auditor asks for first. */
export const highRiskHolder: AuditRule = {
  id: 'Risk-HighRiskHolder',
  category: 'risk',
  description: 'a person holding a high-risk capability (listed for review, not a fault)',
  check: ({ model }) => {
    const risk = new Map(model.capabilities.map((capability) => [capability.id, capability.risk]));
    return highRiskHoldings(model).flatMap(({ person, capabilities }) =>
      capabilities.map((id): RuleFinding => {
        const accepted = risk.get(id)?.accepted;
        const evidence =
          id === 'github-organisation-owner'
            ? [`${person.githubOwner?.at.file ?? 'org.yaml'}:${person.githubOwner?.at.line ?? 0}: owner of the GitHub organisation`]
            : accepted
              ? [
                  `accepted by ${accepted.by.join(', ')} on ${accepted.on} for ${accepted.roles.join(', ')}${accepted.expires ? `, until ${accepted.expires}` : ''} (${accepted.at.file}:${accepted.at.line}): ${accepted.reason}`,
                ]
              : ['no written acceptance'];
        return {
          detail: `${person.id}:${id}`,
          severity: 'info',
          subject: person.id,
          message: `${person.id} holds high-risk ${id}`,
          evidence: [...evidence, ...(risk.get(id)?.reasons ?? [])],
        };
      }),
    );
  },
};
