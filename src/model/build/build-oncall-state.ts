import type { RolesBundle } from '../../load/roles-bundle';
import { compareText } from '../../load/problem';
import type { OrgFile } from '../../schema';
import { awsAccount } from './build-aws-state';
import type { OncallState, PersonAccess, Role, Rotation } from '../types';
import { contactDisplayName } from './aws-names';
import { rotationLayer, type RotationMember } from './rotation-schedule';
import { addDays } from '../../util/calendar-date';

/**
 * The on-call state: each rotation with the members it has on `asOf` (active, not opted out, ramped up:
 * start plus the rotation's `rampDays`; or ramping up in a rotation that names this one as its shadow),
 * sorted by start date then id; the weekly layer that keeps whoever is on call in place when members
 * change (see `rotationLayer`); and the contacts to create.
 */
export function oncallState(
  org: OrgFile,
  bundle: RolesBundle,
  people: readonly PersonAccess[],
  roles: readonly Role[],
  asOf: string,
): OncallState {
  const rolesOf = staffingRoles(roles);
  const definitions = uniqueById(bundle.rotations.map((located) => located.value));
  // Everyone who ever holds the rotation, by their dates: its history is replayed from them.
  const timeline = new Map<string, RotationMember[]>();
  for (const rotation of definitions) {
    const holders = rolesOf.get(rotation.id) ?? new Set<string>();
    const members = listAt(timeline, rotation.id);
    for (const person of people) {
      if (person.oncallOptOut !== undefined || !person.roles.some((id) => holders.has(id))) continue;
      const join = addDays(person.start, rotation.rampDays);
      members.push({ id: person.id, join, ...(person.end ? { last: person.end } : {}) });
      // While ramping up, a hire shadows the rotation's shadow, unless they hold that one anyway.
      if (rotation.shadow && rotation.rampDays > 0 && !person.roles.some((id) => rolesOf.get(rotation.shadow ?? '')?.has(id))) {
        const last = person.end !== undefined && person.end < addDays(join, -1) ? person.end : addDays(join, -1);
        const shadow = listAt(timeline, rotation.shadow);
        // Ramping up for two rotations with one shadow: one stay in it, from the first start to the last day.
        const index = shadow.findIndex((member) => member.id === person.id);
        const before = shadow[index];
        if (before === undefined) shadow.push({ id: person.id, join: person.start, last });
        else
          shadow[index] = { id: person.id, join: before.join, last: before.last !== undefined && before.last > last ? before.last : last };
      }
    }
  }
  const status = new Map(people.map((person) => [person.id, person.status]));
  const maintainersOf = new Map(bundle.roles.map((role) => [role.value.id, role.value.maintainers]));
  const startOf = new Map(people.map((person) => [person.id, person.start]));
  const rotations: Rotation[] = definitions.map((rotation) => {
    const handoff = rotation.handoff ?? org.oncall.handoff;
    const history = timeline.get(rotation.id) ?? [];
    const members = [
      ...new Set(
        history
          .filter(
            (member) => member.join <= asOf && (member.last === undefined || member.last >= asOf) && status.get(member.id) === 'active',
          )
          .map((member) => member.id),
      ),
    ].sort((a, b) => compareText(startOf.get(a) ?? '', startOf.get(b) ?? '') || compareText(a, b));
    const layer = rotationLayer(handoff, org.oncall.timeZone, history, asOf);
    // The second level of escalation: the maintainers of the roles that staff the rotation.
    const escalation = [...new Set([...(rolesOf.get(rotation.id) ?? [])].flatMap((roleId) => maintainersOf.get(roleId) ?? []))]
      .filter((id) => status.get(id) === 'active')
      .sort(compareText);
    return {
      id: rotation.id,
      name: rotation.name,
      handoff,
      onCallAtOnce: rotation.onCallAtOnce,
      rampDays: rotation.rampDays,
      members,
      ...(layer ? { layer } : {}),
      escalation,
    };
  });
  const incidentManagerBackend = org.oncall.backend === 'aws-incident-manager';
  // PagerDuty pages the escalation level too, so its people need users; Incident Manager has no such level yet.
  const inRotation = new Set(
    rotations
      .filter((rotation) => rotation.members.length > 0)
      .flatMap((rotation) => [...rotation.members, ...(incidentManagerBackend ? [] : (rotation.escalation ?? []))]),
  );
  const common = {
    timeZone: org.oncall.timeZone,
    // A rotation needs at least one contact (Incident Manager and PagerDuty both refuse an empty one):
    // one nobody is in on this date is left out, and `validate` warns.
    rotations: rotations.filter((rotation) => rotation.members.length > 0),
    contacts: people
      .filter((person) => inRotation.has(person.id))
      .map((person) => ({
        personId: person.id,
        name: incidentManagerBackend ? contactDisplayName(person.name, person.id) : person.name,
        email: person.email,
      })),
  };
  if (org.oncall.backend === 'pagerduty') return { backend: 'pagerduty', ...common };
  return {
    backend: 'aws-incident-manager',
    account: awsAccount(org, org.oncall.account ?? missingAccount()),
    ...(org.oncall.replicationSet ? { replicationSet: org.oncall.replicationSet } : {}),
    ...common,
  };
}

/** The roles that put their holders in each rotation, by rotation id: found per role, never per person. */
export function staffingRoles(roles: readonly Role[]): Map<string, Set<string>> {
  const rolesOf = new Map<string, Set<string>>();
  for (const role of roles) {
    for (const grant of role.grants) {
      if (grant.target.backend !== 'oncall') continue;
      const set = rolesOf.get(grant.target.rotation) ?? new Set<string>();
      set.add(role.id);
      rolesOf.set(grant.target.rotation, set);
    }
  }
  return rolesOf;
}

function listAt(map: Map<string, RotationMember[]>, key: string): RotationMember[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Rotations by id, sorted, the first of duplicate ids kept (`checkBundle` reports duplicates). */
function uniqueById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...items].sort((a, b) => compareText(a.id, b.id)).filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function missingAccount(): never {
  throw new Error('internal: the access model needs oncall.account for Incident Manager (checkBundle reports it)');
}
