import type { FailedIds, Located, RolesBundle } from '../../load/roles-bundle';
import type { CapabilityFile, RoleFile } from '../../schema';

/**
 * The part of an organisation that one person's or one role's access depends on, for `explain`. It is
 * closed: every GitHub team rolecall creates and every rotation that a kept role puts its holders in is
 * kept with everyone in it, because who is in it decides things about each member. A team with no
 * active maintainer gets its longest-serving member as one, so a team's other holders decide whether
 * this person maintains it; a rotation's order and its weekly layer count everyone in it, and the hires
 * ramping up in any rotation that names it as their shadow. So, from the id's roles and until nothing is
 * added, it keeps:
 * - every capability of a kept role, and every role naming one of them in a risk acceptance;
 * - every role that grants a team (`github.teams`) a kept capability grants;
 * - every rotation a kept capability grants, its shadow, and every rotation shadowing a kept one, with
 *   every role that grants one of them;
 * - the people holding a kept role (with only those roles), and the people the kept entries refer to
 *   (maintainers, approvers, organisation owners).
 * Existing teams (`github.existingTeams`) pull in nobody: rolecall names no maintainer there, and a
 * member's role in one (maintainer when an organisation owner) depends on them alone.
 *
 * Entries left out count as known (like entries that failed their schema), so references to them are
 * not reported as unknown. The access of the person or role, and what any kept team or rotation says
 * about them, is the same as in the whole organisation's model: nothing left out can change it. Checks
 * that look at the whole organisation (quotas, unused capabilities, stack sizes) see only the part;
 * `validate` is what checks all of it. Undefined when `id` names nobody.
 */
export function focusBundle(bundle: RolesBundle, id: string): RolesBundle | undefined {
  const roleById = new Map(bundle.roles.map((role) => [role.value.id, role]));
  const capabilityById = new Map(bundle.capabilities.map((capability) => [capability.value.id, capability]));
  const person = bundle.people.find((candidate) => candidate.value.id === id);
  const start = person ? person.value.roles : roleById.has(id) ? [id] : undefined;
  if (!start) return undefined;

  // Who puts holders in each team and rotation, and which rotations a rotation is tied to by `shadow`
  // (both ways: its own shadow, and those whose hires ramp up in it).
  const rolesIn = new Map<string, string[]>();
  for (const role of bundle.roles) {
    for (const capability of new Set(capabilitiesOf(role.value))) {
      for (const key of placesOf(capabilityById.get(capability)?.value)) rolesIn.set(key, [...(rolesIn.get(key) ?? []), role.value.id]);
    }
  }
  const tiedRotations = new Map<string, string[]>();
  const tie = (a: string, b: string): void => void tiedRotations.set(a, [...(tiedRotations.get(a) ?? []), b]);
  for (const rotation of bundle.rotations) {
    if (rotation.value.shadow === undefined) continue;
    tie(rotation.value.id, rotation.value.shadow);
    tie(rotation.value.shadow, rotation.value.id);
  }

  const roles = new Set<string>();
  const capabilities = new Set<string>();
  const rotations = new Set<string>();
  const queue = [...start];
  const keepRotation = (rotation: string): void => {
    if (rotations.has(rotation)) return;
    rotations.add(rotation);
    queue.push(...(rolesIn.get(`rotation:${rotation}`) ?? []));
    for (const tied of tiedRotations.get(rotation) ?? []) keepRotation(tied);
  };
  for (let roleId = queue.shift(); roleId !== undefined; roleId = queue.shift()) {
    const role = roleById.get(roleId);
    if (roles.has(roleId) || !role) continue;
    roles.add(roleId);
    for (const capabilityId of capabilitiesOf(role.value)) {
      if (capabilities.has(capabilityId)) continue;
      capabilities.add(capabilityId);
      const capability = capabilityById.get(capabilityId)?.value;
      for (const rotation of capability?.oncall?.rotations ?? []) keepRotation(rotation);
      for (const team of capability?.github?.teams ?? []) queue.push(...(rolesIn.get(`team:${team}`) ?? []));
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

/** The teams rolecall creates and the rotations a capability puts its holders in, as `team:` and `rotation:` keys. */
function placesOf(capability: CapabilityFile | undefined): string[] {
  return [
    ...(capability?.github?.teams ?? []).map((team) => `team:${team}`),
    ...(capability?.oncall?.rotations ?? []).map((rotation) => `rotation:${rotation}`),
  ];
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
function leftOut(
  failed: FailedIds['roles'] | undefined,
  all: readonly Located<{ id: string }>[],
  kept: ReadonlySet<string>,
): FailedIds['roles'] {
  if (failed === 'all') return 'all';
  return new Set([...(failed ?? []), ...all.map((entry) => entry.value.id).filter((entryId) => !kept.has(entryId))]);
}
