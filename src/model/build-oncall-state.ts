import type { RolesBundle } from '../load/roles-bundle';
import { compareText } from '../load/problem';
import type { OrgFile } from '../schema';
import { awsAccount } from './build-aws-state';
import type { OncallState, PersonAccess, Role, Rotation } from './types';
import { contactDisplayName } from './aws-names';

/**
 * The on-call state: each rotation with its active, not opted-out members in hand-off order (start date,
 * then id, so a new hire joins at the end), and the contacts to create.
 */
export function oncallState(org: OrgFile, bundle: RolesBundle, people: readonly PersonAccess[], roles: readonly Role[]): OncallState {
  // A person is in a rotation when one of their roles grants it: found per role, never per person.
  const holders = new Map<string, Set<string>>();
  for (const role of roles) {
    for (const grant of role.grants) {
      if (grant.target.backend !== 'oncall') continue;
      const members = holders.get(grant.target.rotation) ?? new Set<string>();
      for (const member of role.members) members.add(member);
      holders.set(grant.target.rotation, members);
    }
  }
  const personById = new Map(people.map((person) => [person.id, person]));
  const rotations: Rotation[] = uniqueById(bundle.rotations.map((located) => located.value)).map((rotation) => {
    const members = [...(holders.get(rotation.id) ?? [])]
      .map((id) => personById.get(id))
      .filter((person): person is PersonAccess => person !== undefined && person.status === 'active' && person.oncallOptOut === undefined)
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id))
      .map((person) => person.id);
    return { id: rotation.id, name: rotation.name, handoff: rotation.handoff ?? org.oncall.handoff, onCallAtOnce: rotation.onCallAtOnce, members };
  });
  const inRotation = new Set(rotations.flatMap((rotation) => rotation.members));
  const incidentManager = org.oncall.backend === 'aws-incident-manager';
  return {
    backend: org.oncall.backend,
    ...(incidentManager ? { account: awsAccount(org, org.oncall.account ?? missingAccount()) } : {}),
    timeZone: org.oncall.timeZone,
    ...(org.oncall.replicationSet ? { replicationSet: org.oncall.replicationSet } : {}),
    // A rotation needs at least one contact (Incident Manager and PagerDuty both refuse an empty one):
    // one nobody is in on this date is left out, and `validate` warns.
    rotations: rotations.filter((rotation) => rotation.members.length > 0),
    contacts: people
      .filter((person) => inRotation.has(person.id))
      .map((person) => ({ personId: person.id, name: incidentManager ? contactDisplayName(person.name, person.id) : person.name, email: person.email })),
  };
}


/** Rotations by id, sorted, the first of duplicate ids kept (`checkBundle` reports duplicates). */
function uniqueById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...items].sort((a, b) => compareText(a.id, b.id)).filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function missingAccount(): never {
  throw new Error('internal: the access model needs oncall.account for Incident Manager (checkBundle reports it)');
}
