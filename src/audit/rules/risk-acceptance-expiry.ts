import { daysBetween } from '../../util/calendar-date';
import type { AuditRule, RuleFinding } from '../finding';

/**
 * A written risk acceptance that has run out (high) or runs out within org.yaml
 * `audit.acceptanceWarningDays` (medium): the access it covers needs a new decision.
 */
export const acceptanceExpiry: AuditRule = {
  id: 'Risk-AcceptanceExpiry',
  category: 'risk',
  description: 'a risk acceptance past or near its expiry',
  check: ({ model, config }) =>
    model.capabilities.flatMap((capability): RuleFinding[] => {
      const accepted = capability.risk.accepted;
      if (!accepted?.expires) return [];
      const left = daysBetween(model.asOf, accepted.expires);
      if (left > config.acceptanceWarningDays) return [];
      const past = left < 0;
      return [
        {
          detail: capability.id,
          severity: past ? 'high' : 'medium',
          subject: `capability:${capability.id}`,
          message: past
            ? `the acceptance of ${capability.id}'s risk ran out on ${accepted.expires}`
            : `the acceptance of ${capability.id}'s risk runs out on ${accepted.expires}, in ${left} day${left === 1 ? '' : 's'}`,
          evidence: [
            `${accepted.at.file}:${accepted.at.line}: accepted by ${accepted.by.join(', ')} on ${accepted.on} for ${accepted.roles.join(', ')}: ${accepted.reason}`,
          ],
        },
      ];
    }),
};
