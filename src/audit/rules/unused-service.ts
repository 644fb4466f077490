import { daysBetween } from '../../util/calendar-date';
import type { AuditRule, RuleFinding } from '../finding';
import { at, expected } from './drift-index';

/** `arn:<partition>:iam::<account>:group/<path/>name`. */
const GROUP_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):group\/(?:.*\/)?([^/]+)$/;

/**
 * A service a rolecall group may use that none of its members has used for org.yaml `audit.unusedDays`
 * (from IAM's service last-accessed report): the evidence for taking it out of the role, the way
 * Repokid right-sizes roles. Per role and account, never per person.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
 */
export const unusedService: AuditRule = {
  id: 'Unused-Service',
  category: 'unused',
  description: 'a service a role grants that nobody in it has used for audit.unusedDays',
  needs: 'last-accessed',
  check: ({ model, actual, config }) => {
    const { iam } = expected(model);
    const findings: RuleFinding[] = [];
    for (const entry of actual.lastAccessed ?? []) {
      const match = GROUP_ARN.exec(entry.entityArn);
      const account = match ? iam.get(match[1] ?? '') : undefined;
      const group = account?.groups.get((match?.[2] ?? '').toLowerCase());
      if (!account || !group) continue;
      const role = model.roles.find((candidate) => candidate.id === group.roleId);
      for (const service of entry.services) {
        const idle = service.lastAuthenticated === undefined ? undefined : daysBetween(service.lastAuthenticated, model.asOf);
        if (idle !== undefined && idle < config.unusedDays) continue;
        const granting = (role?.grants ?? [])
          .filter(
            (grant) =>
              grant.target.backend === 'aws' &&
              grant.target.account === account.accountName &&
              grant.target.statements.some(
                (statement) =>
                  statement.effect === 'Allow' &&
                  statement.actions.some((action) => action === '*' || action.startsWith(`${service.namespace}:`)),
              ),
          )
          .map((grant) => grant.capabilityId);
        findings.push({
          detail: `${group.roleId}:${account.accountName}:${service.namespace}`,
          severity: 'low',
          subject: `role:${group.roleId}`,
          message:
            idle === undefined
              ? `role ${group.roleId} may use ${service.name} (${service.namespace}) in ${account.accountName}, and nobody in it has used it in the tracking period`
              : `role ${group.roleId} may use ${service.name} (${service.namespace}) in ${account.accountName}, last used ${service.lastAuthenticated?.slice(0, 10) ?? ''}, ${idle} days ago`,
          evidence: [
            `${at(entry.from)}: ${entry.entityArn}${entry.generated ? `, report of ${entry.generated}` : ''}`,
            granting.length ? `granted by ${[...new Set(granting)].sort().join(', ')}` : 'granted by an attached managed policy',
          ],
        });
      }
    }
    return findings;
  },
};
