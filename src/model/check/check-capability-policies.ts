import type { Problem } from '../../load/problem';
import type { RolesBundle } from '../../load/roles-bundle';
import type { ActionCatalog } from '../iam/action-catalog';
import { checkAccess } from '../iam/check-access';
import { checkActions } from '../iam/check-actions';
import { checkAccessPlacement, checkStatementPlacement } from '../iam/check-placement';
import { checkCapabilityRisk } from '../build/capability-risk';

/**
 * Checks every capability's AWS grants against the action catalog (each action exists, each access
 * level expands to something) and its computed risk against what it declares and accepts.
 */
export function checkCapabilityPolicies(bundle: Pick<RolesBundle, 'capabilities'>, catalog: ActionCatalog): Problem[] {
  const problems: Problem[] = [];
  for (const capability of bundle.capabilities) {
    const at = (path: (string | number)[], message: string, hint: string | undefined, severity: Problem['severity']): Problem =>
      capability.source.problem([...capability.path, ...path], message, hint, severity);
    capability.value.aws.forEach((grant, grantIndex) => {
      const actionFindings = checkActions(grant.statements, catalog);
      for (const finding of actionFindings) {
        problems.push(
          at(
            ['aws', grantIndex, 'statements', finding.statement, 'actions', finding.index],
            finding.message,
            finding.hint,
            finding.severity,
          ),
        );
      }
      grant.statements.forEach((statement, statementIndex) => {
        // Placement is judged on known actions only: an unknown one has its own error already.
        if (actionFindings.some((finding) => finding.statement === statementIndex && finding.severity === 'error')) return;
        for (const finding of checkStatementPlacement(statement, catalog)) {
          problems.push(
            at(
              located(['aws', grantIndex, 'statements', statementIndex, finding.field], finding.index),
              finding.message,
              finding.hint,
              finding.severity,
            ),
          );
        }
      });
      grant.access.forEach((access, accessIndex) => {
        const accessFindings = checkAccess(access, catalog);
        for (const finding of accessFindings) {
          problems.push(
            at(
              located(['aws', grantIndex, 'access', accessIndex, finding.field], finding.index),
              finding.message,
              finding.hint,
              finding.severity,
            ),
          );
        }
        if (accessFindings.some((finding) => finding.severity === 'error')) return;
        for (const finding of checkAccessPlacement(access, catalog)) {
          problems.push(
            at(
              located(['aws', grantIndex, 'access', accessIndex, finding.field], finding.index),
              finding.message,
              finding.hint,
              finding.severity,
            ),
          );
        }
      });
    });
    for (const finding of checkCapabilityRisk(capability.value, catalog)) {
      problems.push(at(['risk'], finding.message, finding.hint, finding.severity));
    }
  }
  return problems;
}

/** A path, with the entry's index when the finding is about one entry of a list. */
function located(path: (string | number)[], index: number | undefined): (string | number)[] {
  return index === undefined || index < 0 ? path : [...path, index];
}
