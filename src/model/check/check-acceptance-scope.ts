import type { Problem } from '../../load/problem';
import { isKnownId, type Located, type RolesBundle } from '../../load/roles-bundle';
import type { AcceptanceFile, CapabilityFile, RoleFile } from '../../schema';
import { acceptanceFileOf, acceptanceRef } from '../build/risk-acceptance-of';
import { unknownReference } from './unknown-reference';

/** A place where a role grants a capability: an id in a duty's `capabilities`, or a baseline entry. */
interface GrantPoint {
  readonly role: Located<RoleFile>;
  readonly capabilityId: string;
  /** Path of the entry inside the role file. */
  readonly path: readonly (string | number)[];
}

/**
 * Checks whom each risk acceptance covers:
 * - `by` names people of people.yaml and `roles` names roles (errors, with a did-you-mean);
 * - granting an accepted capability through a role the acceptance does not name is an error, at the
 *   duty or baseline entry that grants it, citing the acceptance: an acceptance covers the roles its
 *   approvers weighed and does not travel to others;
 * - a named role that does not grant the capability is a warning: the acceptance is stale for it.
 * Every written acceptance is checked, whatever the computed risk: accepting a risk that needs no
 * acceptance is cautious, and the acceptance still says whom it covers.
 */
export function checkAcceptanceScope(bundle: RolesBundle): Problem[] {
  const problems: Problem[] = [];
  const personIds = bundle.people.map((person) => person.value.id);
  const roleIds = bundle.roles.map((role) => role.value.id);
  const grants = bundle.roles.flatMap(grantPoints);
  const accepted = new Map<string, { capability: Located<CapabilityFile>; acceptance: AcceptanceFile }>();

  for (const capability of bundle.capabilities) {
    const acceptance = acceptanceFileOf(capability.value);
    if (!acceptance || accepted.has(capability.value.id)) continue;
    accepted.set(capability.value.id, { capability, acceptance });
    acceptance.by.forEach((id, index) => {
      if (!isKnownId(bundle, 'people', id, personIds))
        problems.push(unknownReference(capability, ['risk', 'accepted', 'by', index], 'person', id, personIds));
    });
    acceptance.roles.forEach((id, index) => {
      if (!isKnownId(bundle, 'roles', id, roleIds)) {
        problems.push(unknownReference(capability, ['risk', 'accepted', 'roles', index], 'role', id, roleIds));
      } else if (
        roleIds.includes(id) &&
        !grants.some((grant) => grant.role.value.id === id && grant.capabilityId === capability.value.id)
      ) {
        problems.push(
          capability.source.problem(
            [...capability.path, 'risk', 'accepted', 'roles', index],
            `role "${id}" does not grant capability "${capability.value.id}": the acceptance is stale for it`,
            `remove ${id} from accepted.roles`,
            'warning',
          ),
        );
      }
    });
  }

  for (const grant of grants) {
    const entry = accepted.get(grant.capabilityId);
    if (!entry || entry.acceptance.roles.includes(grant.role.value.id)) continue;
    const at = acceptanceRef(entry.capability);
    const role = grant.role.value.id;
    problems.push(
      grant.role.source.problem(
        [...grant.role.path, ...grant.path],
        `role "${role}" grants capability "${grant.capabilityId}", whose risk acceptance does not cover it ` +
          `(accepted for ${entry.acceptance.roles.join(', ')} at ${at.file}:${at.line})`,
        `add ${role} to accepted.roles once the approvers have weighed the risk for it, or grant a narrower capability`,
      ),
    );
  }
  return problems;
}

/** Every place a role file grants a capability, in file order. */
function grantPoints(role: Located<RoleFile>): GrantPoint[] {
  return [
    ...role.value.duties.flatMap((duty, index) =>
      duty.capabilities.map((capabilityId, capabilityIndex) => ({
        role,
        capabilityId,
        path: ['duties', index, 'capabilities', capabilityIndex],
      })),
    ),
    ...role.value.baseline.map((baseline, index) => ({ role, capabilityId: baseline.capability, path: ['baseline', index, 'capability'] })),
  ];
}
