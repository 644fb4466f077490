import type { Problem } from '../../load/problem';
import type { RolesBundle } from '../../load/roles-bundle';
import { acceptanceFileOf } from '../build/risk-acceptance-of';

/** How many days before its expiry an acceptance is reported, so it can be renewed in time. */
export const ACCEPTANCE_EXPIRY_WARNING_DAYS = 30;

/**
 * Checks each risk acceptance's dates against the model's date `asOf` (YYYY-MM-DD; the caller reads the
 * clock): `expires` before `on`, an acceptance given after `asOf` (the risk was not accepted yet) and
 * an expired one (`expires` is its last day) are errors; one that expires within
 * `ACCEPTANCE_EXPIRY_WARNING_DAYS` is a warning.
 */
export function checkAcceptanceDates(bundle: RolesBundle, asOf: string): Problem[] {
  const problems: Problem[] = [];
  for (const capability of bundle.capabilities) {
    const acceptance = acceptanceFileOf(capability.value);
    if (!acceptance) continue;
    const at = (key: 'on' | 'expires', message: string, hint?: string, severity: Problem['severity'] = 'error'): void => {
      problems.push(capability.source.problem([...capability.path, 'risk', 'accepted', key], message, hint, severity));
    };
    const { on, expires } = acceptance;
    if (on > asOf) {
      at(
        'on',
        `accepted on ${on}, after the as-of date ${asOf}: the risk was not accepted yet`,
        `correct the date, or build the model for ${on} or later`,
      );
    }
    if (expires === undefined) continue;
    if (expires < on) {
      at('expires', `expires ${expires} is before on ${on}`);
      continue;
    }
    const daysLeft = daysBetween(asOf, expires);
    if (daysLeft < 0) {
      at(
        'expires',
        `the acceptance expired on ${expires}, before the as-of date ${asOf}`,
        'have the risk accepted again (new on and expires), or stop granting the capability',
      );
    } else if (daysLeft <= ACCEPTANCE_EXPIRY_WARNING_DAYS) {
      const when = daysLeft === 0 ? 'today is its last day' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} after the as-of date ${asOf}`;
      at(
        'expires',
        `the acceptance expires on ${expires}, ${when}`,
        'have the risk accepted again before then: validate fails the day after',
        'warning',
      );
    }
  }
  return problems;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
