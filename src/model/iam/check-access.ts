import type { AccessLevel } from '../../schema/capabilities';
import type { ActionCatalog } from './action-catalog';
import { parseAction } from './action-name';
import { actionMatches } from './action-pattern';
import { checkAction, suggestServices } from './check-actions';
import { expandAccess } from './expand';
import type { Severity } from '../../load/problem';
import { didYouMeanHint } from './finding';
import type { AccessGrant } from './statement';

/** Why an access grant was flagged. */
export type AccessFindingCode =
  | 'unknown-service'
  /** The service has no action of one of the requested levels. */
  | 'empty-level'
  /** An `except` entry is not a valid action of the service. */
  | 'bad-except'
  /** An `except` entry removes nothing the levels would grant. */
  | 'useless-except'
  /** Nothing is left once `except` is applied. */
  | 'grants-nothing';

/** A problem with one access grant; `field` and `index` say where, the caller adds the file position. */
export interface AccessFinding {
  readonly code: AccessFindingCode;
  readonly severity: Severity;
  readonly field: 'service' | 'levels' | 'except';
  /** Index into `levels` or `except`, when the finding is about one entry. */
  readonly index?: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Checks an access grant against the catalog: the service exists, each level gives at least one action,
 * each `except` entry is an action of the service that the levels would grant, and something is left.
 */
export function checkAccess(access: AccessGrant, catalog: ActionCatalog): AccessFinding[] {
  const service = access.service.toLowerCase();
  const actions = catalog.actions(service);
  if (actions === undefined) {
    const hint = didYouMeanHint(suggestServices(service, catalog));
    return [
      {
        code: 'unknown-service',
        severity: 'error',
        field: 'service',
        message: `unknown service prefix ${JSON.stringify(access.service)}`,
        ...(hint === undefined ? {} : { hint }),
      },
    ];
  }
  const findings: AccessFinding[] = [];
  const present = new Set<AccessLevel>(actions.flatMap((action) => action.levels));
  access.levels.forEach((level, index) => {
    if (!present.has(level)) {
      findings.push({
        code: 'empty-level',
        severity: 'warning',
        field: 'levels',
        index,
        message: `${service} has no action of level ${JSON.stringify(level)}`,
        hint: `${service} has levels ${[...present].sort().join(', ')}`,
      });
    }
  });
  const granted = expandAccess({ ...access, except: [] }, catalog);
  access.except.forEach((pattern, index) => {
    const parsed = parseAction(pattern);
    if (parsed === undefined || parsed.service.toLowerCase() !== service) {
      findings.push({
        code: 'bad-except',
        severity: 'error',
        field: 'except',
        index,
        message: `except ${JSON.stringify(pattern)} is not an action of ${service}`,
        hint: `write it as "${service}:ActionName"`,
      });
      return;
    }
    const problem = checkAction(pattern, catalog);
    if (problem !== undefined && problem.severity === 'error') {
      findings.push({
        code: 'bad-except',
        severity: 'error',
        field: 'except',
        index,
        message: `except: ${problem.message}`,
        ...(problem.hint === undefined ? {} : { hint: problem.hint }),
      });
      return;
    }
    if (!granted.some((action) => actionMatches(pattern, action))) {
      findings.push({
        code: 'useless-except',
        severity: 'warning',
        field: 'except',
        index,
        message: `except ${JSON.stringify(pattern)} removes nothing: levels ${access.levels.join(', ')} do not grant it`,
        hint: 'drop the entry, or check the levels',
      });
    }
  });
  if (granted.length > 0 && expandAccess(access, catalog).length === 0) {
    findings.push({
      code: 'grants-nothing',
      severity: 'error',
      field: 'except',
      message: `except removes every action the levels grant for ${service}`,
      hint: 'remove the access entry, or narrow except',
    });
  }
  return findings;
}
