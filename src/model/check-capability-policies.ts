import type { Problem } from '../load/problem';
import type { RolesBundle } from '../load/roles-bundle';
import type { ActionCatalog } from './iam/action-catalog';
import { checkAccess } from './iam/check-access';
import { checkActions } from './iam/check-actions';
import { checkCapabilityRisk } from './capability-risk';

/**
 * Checks every capability's AWS grants against the action catalog (each action exists, each access
 * level expands to something) and its computed risk against what it declares and accepts.
 */
export function checkCapabilityPolicies(bundle: RolesBundle, catalog: ActionCatalog): Problem[] {
  const problems: Problem[] = [];
  for (const capability of bundle.capabilities) {
    const at = (path: (string | number)[], message: string, hint: string | undefined, severity: Problem['severity']): Problem =>
      capability.source.problem([...capability.path, ...path], message, hint, severity);
    capability.value.aws.forEach((grant, grantIndex) => {
      for (const finding of checkActions(grant.statements, catalog)) {
        problems.push(at(['aws', grantIndex, 'statements', finding.statement, 'actions', finding.index], finding.message, finding.hint, finding.severity));
      }
      grant.access.forEach((access, accessIndex) => {
        for (const finding of checkAccess(access, catalog)) {
          const path: (string | number)[] = ['aws', grantIndex, 'access', accessIndex, finding.field];
          if (finding.index !== undefined) path.push(finding.index);
          problems.push(at(path, finding.message, finding.hint, finding.severity));
        }
      });
    });
    for (const finding of checkCapabilityRisk(capability.value, catalog)) {
      problems.push(at(['risk'], finding.message, finding.hint, finding.severity));
    }
  }
  return problems;
}
