import type { Guards } from '../schema';
import { compareText } from '../util/compare-text';
import { awsGrantsLost } from './aws-effect';
import type { AccessDiff, PersonChange } from './diff-types';

/** A person a change takes access away from, and what they lose, in words. */
export interface Losing {
  readonly id: string;
  readonly name: string;
  readonly loses: readonly string[];
}

/** The verdict of the mass-removal guard on a change. */
export interface RemovalCheck {
  readonly losing: readonly Losing[];
  /** People active on the base side: what the percentage is of. */
  readonly activeBefore: number;
  readonly limit: Guards['massRemoval'];
  /** True when more people lose access than both limits allow. */
  readonly exceeded: boolean;
}

const PERMISSION_RANK: Readonly<Record<string, number>> = { pull: 0, triage: 1, push: 2, maintain: 3, admin: 4 };

/** What a person loses in a change, in words; empty when they lose nothing. */
export function lossesOf(person: PersonChange): string[] {
  const losses: string[] = [];
  if (person.change === 'removed') losses.push('removed from people.yaml');
  else if (person.status?.from === 'active' && person.status.to !== 'active')
    losses.push(`no longer active (${person.status.to ?? 'gone'})`);
  const statements = awsGrantsLost(person.aws).reduce((sum, change) => sum + change.actions.length * change.resources.length, 0);
  if (statements > 0) losses.push(`${statements} AWS action grants`);
  if (person.aws.policiesLost.length > 0) losses.push(`${person.aws.policiesLost.length} AWS managed policies`);
  const repositories = person.github.repositories.filter(
    (change) => change.to === undefined || (PERMISSION_RANK[change.to] ?? 0) < (PERMISSION_RANK[change.from ?? ''] ?? 0),
  );
  if (repositories.length > 0) losses.push(`${repositories.length} repository permissions`);
  const teams = person.github.teams.filter((change) => change.from !== undefined && change.to === undefined);
  if (teams.length > 0) losses.push(`teams ${teams.map((change) => change.name).join(', ')}`);
  if (person.github.org?.from !== undefined && person.github.org.to === undefined) losses.push('GitHub organisation membership');
  if (person.oncall.left.length > 0) losses.push(`rotations ${person.oncall.left.join(', ')}`);
  return losses;
}

/** However the guards are set, one person leaving is never a mass removal: a 3-person organisation can still lose one. */
export const MASS_REMOVAL_FLOOR = 1;

/**
 * Holds a change to `limit`: it is exceeded when the people who lose any access (an AWS grant, a
 * repository permission or a lower one, a team, a rotation, organisation membership, or all of it by
 * ending or leaving people.yaml) are more than `limit.people` (never fewer than
 * {@link MASS_REMOVAL_FLOOR}) and also more than `limit.percent` per cent of the people active on the
 * base side. Both must be passed: a few leavers in a small organisation are a large share, and a large
 * organisation loses a handful every week; a mass removal is many people who are also a large share.
 */
export function checkMassRemoval(diff: AccessDiff, activeBefore: number, limit: Guards['massRemoval']): RemovalCheck {
  const losing = diff.people
    .map((person) => ({ id: person.id, name: person.name, loses: lossesOf(person) }))
    .filter((person) => person.loses.length > 0)
    .sort((a, b) => compareText(a.id, b.id));
  const exceeded = losing.length > Math.max(limit.people, MASS_REMOVAL_FLOOR) && losing.length * 100 > limit.percent * activeBefore;
  return { losing, activeBefore, limit, exceeded };
}

/** The stricter of two guards: a change cannot loosen the guard that judges it. */
export function stricter(a: Guards['massRemoval'], b: Guards['massRemoval']): Guards['massRemoval'] {
  return { people: Math.min(a.people, b.people), percent: Math.min(a.percent, b.percent) };
}
