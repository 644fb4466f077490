import type { FailedIds, Located, RolesBundle } from '../load/roles-bundle';
import type { CapabilityFile, RoleFile } from '../schema';

/**
 * The part of an organisation that one person's or one role's access depends on, for `explain`: their
 * roles; every role that shares an on-call rotation with them (the rotation's order counts everyone in
 * it) or that a risk acceptance of one of their capabilities names, and so on until nothing is added;
 * the capabilities of those roles and their rotations; the people holding them (with only those roles), and the people the
 * kept entries refer to (maintainers, approvers, organisation owners). Entries left out count as known
 * (like entries that failed their schema), so references to them are not reported as unknown.
 *
 * The access of the person or role is the same as in the whole organisation's model: nothing left out
 * can change it. Checks that look at the whole organisation (quotas, unused capabilities, stack sizes)
 * see only the part; `validate` is what checks all of it. Undefined when `id` names nobody.
 */
export function focusBundle(bundle: RolesBundle, id: string): RolesBundle | undefined {
  const roleById = new Map(bundle.roles.map((role) => [role.value.id, role]));
  const capabilityById = new Map(bundle.capabilities.map((capability) => [capability.value.id, capability]));
  const person = bundle.people.find((candidate) => candidate.value.id === id);
  const start = person ? person.value.roles : roleById.has(id) ? [id] : undefined;
  if (!start) return undefined;

  const rolesOfRotation = new Map<string, string[]>();
  for (const role of bundle.roles) {
    for (const capability of capabilitiesOf(role.value)) {
      for (const rotation of capabilityById.get(capability)?.value.oncall?.rotations ?? []) {
        rolesOfRotation.set(rotation, [...(rolesOfRotation.get(rotation) ?? []), role.value.id]);
      }
    }
  }
  const roles = new Set<string>();
  const capabilities = new Set<string>();
  const queue = [...start];
  for (let roleId = queue.shift(); roleId !== undefined; roleId = queue.shift()) {
    const role = roleById.get(roleId);
    if (roles.has(roleId) || !role) continue;
    roles.add(roleId);
    for (const capabilityId of capabilitiesOf(role.value)) {
      capabilities.add(capabilityId);
      const capability = capabilityById.get(capabilityId)?.value;
      for (const rotation of capability?.oncall?.rotations ?? []) queue.push(...(rolesOfRotation.get(rotation) ?? []));
      queue.push(...acceptanceOf(capability).roles);
    }
  }

  const keptCapabilities = bundle.capabilities.filter((capability) => capabilities.has(capability.value.id));
  const referenced = new Set([
    id,
    ...(bundle.org?.value.github.owners ?? []),
    ...[...roles].flatMap((roleId) => roleById.get(roleId)?.value.maintainers ?? []),
    ...keptCapabilities.flatMap((capability) => acceptanceOf(capability.value).by),
  ]);
  const people = bundle.people.flatMap((entry) => {
    const held = entry.value.roles.filter((roleId) => roles.has(roleId));
    if (!held.length && !referenced.has(entry.value.id)) return [];
    return [held.length === entry.value.roles.length ? entry : { ...entry, value: { ...entry.value, roles: held } }];
  });
  const keptRoles = bundle.roles.filter((role) => roles.has(role.value.id));
  const rotations = new Set(keptCapabilities.flatMap((capability) => capability.value.oncall?.rotations ?? []));
  const keptPeople = new Set(people.map((entry) => entry.value.id));
  return {
    ...bundle,
    roles: keptRoles,
    capabilities: keptCapabilities,
    rotations: bundle.rotations.filter((rotation) => rotations.has(rotation.value.id)),
    people,
    jds: new Map([...bundle.jds].filter(([path]) => keptRoles.some((role) => role.value.jd === path))),
    failed: {
      roles: leftOut(bundle.failed?.roles, bundle.roles, roles),
      capabilities: leftOut(bundle.failed?.capabilities, bundle.capabilities, capabilities),
      people: leftOut(bundle.failed?.people, bundle.people, keptPeople),
      rotations: leftOut(bundle.failed?.rotations, bundle.rotations, rotations),
    },
  };
}

function capabilitiesOf(role: RoleFile): string[] {
  return [...role.duties.flatMap((duty) => duty.capabilities), ...role.baseline.map((baseline) => baseline.capability)];
}

function acceptanceOf(capability: CapabilityFile | undefined): { roles: readonly string[]; by: readonly string[] } {
  const risk = capability?.risk;
  const accepted = typeof risk === 'object' ? risk.accepted : undefined;
  return { roles: accepted?.roles ?? [], by: accepted?.by ?? [] };
}

/** The ids that failed their schema plus those left out of the focus. */
function leftOut(failed: FailedIds['roles'] | undefined, all: readonly Located<{ id: string }>[], kept: ReadonlySet<string>): FailedIds['roles'] {
  if (failed === 'all') return 'all';
  return new Set([...(failed ?? []), ...all.map((entry) => entry.value.id).filter((entryId) => !kept.has(entryId))]);
}
