import type { Problem } from '../../load/problem';
import type { RolesBundle } from '../../load/roles-bundle';
import { compareText } from '../../util/compare-text';
import type { AccessModel } from '../types';

/**
 * The organisation against its own guards on the model's date: a break-glass capability that names no
 * capability is an error; one fewer than two active people hold, and a rotation with fewer active
 * members than `guards.rotationMinMembers` (but some: an empty one is reported as not provisioned), are
 * warnings. A change that makes either worse fails `check-removal`; the state itself must still deploy,
 * or a leaver's access could not be removed.
 */
export function checkGuards(model: AccessModel, bundle: RolesBundle): Problem[] {
  const org = bundle.org;
  if (!org) return [];
  const { breakGlass, rotationMinMembers } = org.value.guards;
  const problems: Problem[] = [];
  const known = new Set(bundle.capabilities.map((capability) => capability.value.id));
  breakGlass.forEach((id, index) => {
    if (!known.has(id)) {
      problems.push(
        org.source.problem(['guards', 'breakGlass', index], `unknown capability "${id}"`, 'name a capability of capabilities.yaml'),
      );
      return;
    }
    const holders = capabilityHolders(model, id);
    if (holders.length >= 2) return;
    const who = holders.length === 0 ? 'nobody' : `only ${holders.join(', ')}`;
    problems.push(
      org.source.problem(
        ['guards', 'breakGlass', index],
        `break-glass capability "${id}" is held by ${who} on ${model.asOf}; at least 2 active people should hold it`,
        'give it to a second person through a role',
        'warning',
      ),
    );
  });
  for (const rotation of model.oncall.rotations) {
    if (rotation.members.length >= rotationMinMembers) continue;
    const located = bundle.rotations.find((candidate) => candidate.value.id === rotation.id);
    if (!located) continue;
    problems.push(
      located.source.problem(
        [...located.path, 'id'],
        `rotation "${rotation.id}" has ${rotation.members.length} active member${rotation.members.length === 1 ? '' : 's'} on ${model.asOf}; guards.rotationMinMembers is ${rotationMinMembers}`,
        'grant it to more people, or lower guards.rotationMinMembers in org.yaml',
        'warning',
      ),
    );
  }
  return problems;
}

/** Active people who hold a capability through any of their roles, sorted by id. */
export function capabilityHolders(model: AccessModel, capability: string): string[] {
  const holders = new Set<string>();
  for (const role of model.roles) {
    if (role.capabilities.some((held) => held.id === capability)) for (const member of role.members) holders.add(member);
  }
  return [...holders].sort(compareText);
}
